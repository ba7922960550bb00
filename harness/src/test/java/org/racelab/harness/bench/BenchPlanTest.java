package org.racelab.harness.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchPlanTest {

    @Test
    void countsEveryParameterCombination() {
        assertEquals(9, BenchPlan.of("ThreadHandOff", Map.of()).configurations());
        assertEquals(3, BenchPlan.of("ThreadHandOff", Map.of("mechanism", List.of("Exchanger"))).configurations());
        assertEquals(4, BenchPlan.of("ThreadStartJoin", Map.of()).configurations());
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
