package org.racelab.harness.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchPlanTest {

    @Test
    void countsEveryParameterCombination() {
        assertEquals(9, BenchPlan.of("ThreadHandOff", Map.of()).configurations());
        assertEquals(3, BenchPlan.of("ThreadHandOff", Map.of("mechanism", List.of("Exchanger"))).configurations());
        assertEquals(4, BenchPlan.of("ThreadStartJoin", Map.of()).configurations());
    }

    /**
     * A configuration behind a headline figure is a JMH pass of its own with its parameters fixed
     * (JMH's forks hold for a whole run); the other configurations of the same benchmark too; the
     * remaining benchmarks share one pass that leaves those out.
     */
    @Test
    void headlineConfigurationsRunInPassesOfTheirOwn() {
        BenchPlan plan = BenchPlan.of(BenchRequest.ALL, Map.of());
        assertEquals(12, plan.headlineConfigurations(), "six headline questions, a subject and a baseline each");
        assertEquals(plan.configurations(), plan.passes().stream().mapToInt(BenchPlan.Pass::configurations).sum());
        BenchPlan.Pass lockSupport = plan.passes().stream()
                .filter(p -> p.include().contains("ThreadHandOff.virtualPair") && p.params().get("mechanism").equals(List.of("LockSupport")))
                .findFirst().orElseThrow();
        assertTrue(lockSupport.headline());
        assertEquals(1, lockSupport.configurations());
        assertTrue(plan.passes().stream().anyMatch(p -> !p.headline() && p.include().contains("ThreadHandOff.virtualPair")
                && p.params().get("mechanism").equals(List.of("Exchanger"))), "the other mechanisms: passes of their own");
        BenchPlan.Pass rest = plan.passes().get(plan.passes().size() - 1);
        assertEquals(BenchRequest.ALL, rest.include());
        assertTrue(rest.exclude().stream().anyMatch(e -> e.contains("ThreadHandOff.virtualPair")));
        assertTrue(rest.exclude().stream().noneMatch(e -> e.contains("ContendedCounter")), "no headline there");
        assertTrue(java.util.regex.Pattern.compile(BenchPlan.exactly("a.B.c")).matcher("a.B.c").find());
        assertFalse(java.util.regex.Pattern.compile(BenchPlan.exactly("a.B.c")).matcher("a.B.cd").find());
        assertFalse(java.util.regex.Pattern.compile(BenchPlan.exactly("a.B.c")).matcher("aXB.c").find());
    }

    @Test
    void withoutAHeadlineConfigurationThereIsOnePass() {
        BenchPlan plan = BenchPlan.of("ContendedCounter", Map.of());
        assertEquals(0, plan.headlineConfigurations());
        assertEquals(1, plan.passes().size());
        assertEquals(plan.configurations(), plan.passes().get(0).configurations());
    }

    @Test
    void aRegexThatMatchesNothingGivesAnEmptyPlan() {
        assertTrue(BenchPlan.of("NoSuchBenchmarkAnywhere", Map.of()).isEmpty());
    }

    @Test
    void aBrokenRegexIsRefused() {
        assertThrows(PatternSyntaxException.class, () -> BenchPlan.of("([", Map.of()));
    }

    @Test
    void everyComparisonNamesTwoBenchmarksOfTheSuite() {
        Set<String> names = BenchPlan.of(BenchRequest.ALL, Map.of()).benchmarks().stream()
                .map(BenchNames::shortName).collect(Collectors.toSet());
        for (RatioQuestion c : RatioQuestions.SUITE) {
            assertTrue(names.contains(c.subject()), c.subject());
            assertTrue(names.contains(c.baseline()), c.baseline());
        }
    }

    @Test
    void shortNamesDropThePackage() {
        assertEquals("ThreadStartJoin.virtualFromVirtual",
                BenchNames.shortName("org.racelab.bench.start.ThreadStartJoin.virtualFromVirtual"));
    }
}
