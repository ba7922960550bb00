package org.racelab.harness.vrace;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.TestGrading;
import org.openjdk.jcstress.infra.runners.TestConfig;
import org.openjdk.jcstress.infra.runners.TestList;
import org.openjdk.jcstress.vm.CompileMode;
import org.racelab.harness.catalog.CatalogException;
import org.racelab.harness.catalog.OutcomeGrader;
import org.racelab.harness.catalog.StressTest;
import org.racelab.harness.catalog.TestCatalog;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * racelab's grader against JCStress's own {@code TestGrading}, on the same {@code @Outcome} sets
 * and the same histograms: every runner of racelab must grade as JCStress does. JCStress reads
 * the rules from {@code META-INF/TestList} on the class path, which here is the test fixtures'.
 */
class GradingAgainstJCStressTest {

    private static Options options;

    @BeforeAll
    static void jcstressOptions() throws Exception {
        options = new Options(new String[]{"-m", "sanity"});
        options.parse();
    }

    static Stream<Object[]> cases() {
        String patterns = "org.racelab.fixtures.Fixture_06_Patterns";
        String atomic = "org.racelab.fixtures.Fixture_05_AtomicCounter";
        String racy = "org.racelab.fixtures.Fixture_04_RacyCounter";
        return Stream.of(
                new Object[]{patterns, hist("1, 1", 10)},
                new Object[]{patterns, hist("1, 1", 10, "0, 1", 3, "1, 0", 2)},
                new Object[]{patterns, hist("1, 0", 1)},
                new Object[]{patterns, hist("1, 5", 1, "0, 0", 7)},
                new Object[]{patterns, hist("3, 4", 2, "1, 1", 1)},
                new Object[]{patterns, hist("0, 0", 2)},
                new Object[]{atomic, hist("2", 1000)},
                new Object[]{atomic, hist("2", 1000, "1", 1)},
                new Object[]{racy, hist("1", 5, "2", 95)},
                new Object[]{racy, hist("3", 1)},
                new Object[]{racy, hist()});
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gradesAsJCStressDoes(String test, Map<String, Long> histogram) throws CatalogException {
        TestResult r = new TestResult(Status.NORMAL);
        histogram.forEach(r::addState);
        r.setConfig(new TestConfig(options, TestList.getInfo(test), 0, List.of(), CompileMode.UNIFIED, null));
        TestGrading theirs = TestGrading.grade(r);

        StressTest mine = TestCatalog.open(Path.of("target", "test-classes")).tests().stream()
                .filter(t -> t.name().equals(test)).findFirst().orElseThrow();
        OutcomeGrader.Grading ours = new OutcomeGrader(mine.rules()).grade(histogram);

        assertEquals(theirs.isPassed, ours.passed(), "passed");
        assertEquals(theirs.hasInteresting, ours.interesting(), "interesting");
        Map<String, String> theirRows = new TreeMap<>();
        for (GradingResult g : theirs.gradingResults.values()) {
            theirRows.put(g.id, g.expect.name() + " " + g.count + " " + g.description);
        }
        Map<String, String> ourRows = new TreeMap<>();
        for (OutcomeGrader.GradedOutcome g : ours.outcomes()) {
            ourRows.put(g.id(), g.expect() + " " + g.count() + " " + g.description());
        }
        assertEquals(theirRows, ourRows);
        // the order of the messages follows each side's hash order of outcomes: only the set counts
        assertEquals(theirs.failureMessages.stream().sorted().toList(), ours.failures().stream().sorted().toList());
    }

    private static Map<String, Long> hist(Object... pairs) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return m;
    }
}
