package org.racelab.harness.console;

import org.junit.jupiter.api.Test;
import org.racelab.harness.bundle.Meaning;
import org.racelab.harness.bundle.OutcomeCount;
import org.racelab.harness.bundle.StressSection;
import org.racelab.harness.bundle.StressTestResult;
import org.racelab.harness.bundle.Verdict;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The terminal summary of a suite without lessons: JCStress's meaning named on every line, and
 * the overview's order (failed first, then what was seen by share, then the rest in one line).
 */
class StressSummaryTest {

    private static StressTestResult suite(String name, Verdict verdict, String reason, long interesting, long samples,
                                          boolean hasInteresting) {
        List<OutcomeCount> outcomes = List.of(
                new OutcomeCount("0, 0", interesting, "ACCEPTABLE_INTERESTING", "both missed.", hasInteresting),
                new OutcomeCount("1, 1", samples - interesting, "ACCEPTABLE", "both saw"));
        return new StressTestResult("org.example." + name, name, "-", 2, null, "jcstress",
                hasInteresting ? Meaning.INTERESTING : null, "a test", verdict, reason, samples, outcomes,
                hasInteresting && verdict.ran() ? interesting > 0 : null, hasInteresting ? interesting : null, null, List.of());
    }

    private static final List<StressTestResult> TESTS = List.of(
            suite("Quiet", Verdict.PASSED, null, 0, 1000, true),
            suite("Rare", Verdict.PASSED, null, 1, 1000, true),
            suite("Broken", Verdict.FAILED, "Observed forbidden state: 2, 2", 0, 1000, true),
            suite("Often", Verdict.PASSED, null, 600, 1000, true),
            suite("NoRule", Verdict.PASSED, null, 0, 1000, false),
            suite("Wide", Verdict.SKIPPED, "needs 4 CPUs", 0, 0, true));

    @Test
    void theOverviewPutsFailuresFirstThenWhatWasSeenByShareThenTheRest() {
        StressOverview o = StressOverview.of(TESTS);
        assertEquals(List.of("org.example.Broken"), o.failed().stream().map(StressTestResult::name).toList());
        assertEquals(List.of("org.example.Often", "org.example.Rare"), o.seen().stream().map(StressTestResult::name).toList());
        assertEquals(List.of("org.example.Quiet", "org.example.NoRule", "org.example.Wide"),
                o.rest().stream().map(StressTestResult::name).toList());
        assertEquals("2 passed with nothing seen; 1 SKIPPED: needs 4 CPUs", o.restText());
    }

    @Test
    void eachLineSaysItsMeaning() {
        assertEquals("interesting 60.0% [0, 0]", StressOverview.seenText(TESTS.get(3)));
        assertEquals("interesting never", StressOverview.seenText(TESTS.get(0)));
        assertEquals("(none graded interesting)", StressOverview.seenText(TESTS.get(4)));
        assertEquals(List.of("[0, 0] 0.10%: both missed."), StressOverview.interestingLines(TESTS.get(1)));
        assertEquals("interesting seen: [0, 0] 600 of 1,000 samples (60.0%), both missed. Meaning: JCStress's meaning,"
                        + " its ACCEPTABLE_INTERESTING outcomes (no racelab lesson): [0, 0].",
                StressOverview.seenSentence(Meaning.INTERESTING, TESTS.get(3).outcomes(), 1000, true));
    }

    @Test
    void theTerminalFollowsTheOverviewsOrder() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new StressSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(
                new StressSection("jcstress 0.16", "suite.jar", List.of(), 2, true, null, 1, null, TESTS), Path.of("r"));
        String out = bytes.toString(StandardCharsets.UTF_8);
        int failed = out.indexOf("Failed or errored (1):");
        int broken = out.indexOf("org.example.Broken");
        int seen = out.indexOf("Interesting seen (2)");
        int often = out.indexOf("org.example.Often");
        int rare = out.indexOf("org.example.Rare");
        int rest = out.indexOf("The rest (3): 2 passed with nothing seen; 1 SKIPPED: needs 4 CPUs");
        assertTrue(failed >= 0 && failed < broken && broken < seen && seen < often && often < rare && rare < rest, out);
        assertTrue(out.contains("interesting 60.0% [0, 0]"), out);
        assertTrue(out.contains("      [0, 0] 60.0%: both missed."), out);
        assertTrue(out.contains("Interesting outcome (JCStress's meaning) seen in 2 of 4 tests that have one and ran."), out);
        assertTrue(!out.contains("org.example.Quiet"), "a plain pass is counted, not listed: " + out);
    }
}
