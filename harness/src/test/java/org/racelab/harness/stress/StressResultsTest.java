package org.racelab.harness.stress;

import org.racelab.harness.bundle.Verdict;
import org.junit.jupiter.api.Test;
import org.racelab.harness.bundle.StressTestResult;
import org.racelab.harness.catalog.Expectation;
import org.racelab.harness.catalog.LessonInfo;
import org.racelab.harness.catalog.OutcomeRule;
import org.racelab.harness.catalog.StressTest;
import org.racelab.harness.machine.MachineProbe;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verdict of a test from its forks: ERROR over FAILED over PASSED; SKIPPED and NOT_RUN with reasons. */
class StressResultsTest {

    private static final LessonInfo LESSON = new LessonInfo("Interleavings", "i += 1", "loses updates",
            List.of("1"), List.of(MachineProbe.arch()));

    private static StressTest lostUpdate(Expectation race, int actors) {
        List<String> actorNames = java.util.stream.IntStream.rangeClosed(1, actors).mapToObj(i -> "actor" + i).toList();
        return new StressTest("x.LostUpdate.V", "x.LostUpdate$V", "", actorNames,
                List.of(new OutcomeRule("1", race, "lost"), new OutcomeRule("2", Expectation.ACCEPTABLE, "both")),
                Optional.of(LESSON));
    }

    private static ForkResult fork(String status, Map<String, Long> histogram, String... messages) {
        return new ForkResult("x.LostUpdate.V", status, histogram, List.of(messages), List.of("-Xint"),
                "unified", "(PG 0, CG 0), (PG 0, CG 1)", 0, 1000);
    }

    @Test
    void racyVariantPassesAndCountsItsRaceOverAllForks() {
        StressTestResult r = StressResults.testResult(lostUpdate(Expectation.ACCEPTABLE_INTERESTING, 2),
                List.of(fork("NORMAL", Map.of("1", 3L, "2", 7L)), fork("NORMAL", Map.of("1", 1L, "2", 9L))), 2, null);
        assertEquals(Verdict.PASSED, r.verdict());
        assertEquals("racy", r.kind());
        assertEquals(20, r.samples());
        assertEquals(4L, r.raceSamples());
        assertEquals(true, r.raceObserved());
        assertEquals(true, r.raceExpected());
        assertEquals(2, r.configs().size());
    }

    @Test
    void fixedVariantThatShowsTheRaceFails() {
        StressTestResult r = StressResults.testResult(lostUpdate(Expectation.FORBIDDEN, 2),
                List.of(fork("NORMAL", Map.of("2", 10L)), fork("NORMAL", Map.of("1", 1L, "2", 9L))), 2, null);
        assertEquals(Verdict.FAILED, r.verdict());
        assertEquals("fixed", r.kind());
        assertTrue(r.reason().contains("Observed forbidden state: 1"), r.reason());
        assertEquals(Verdict.PASSED, r.configs().get(0).verdict());
        assertEquals(Verdict.FAILED, r.configs().get(1).verdict());
        assertEquals(false, r.raceExpected());
    }

    @Test
    void aCrashedForkMakesAnErrorEvenBesideAFailure() {
        StressTestResult r = StressResults.testResult(lostUpdate(Expectation.FORBIDDEN, 2),
                List.of(fork("NORMAL", Map.of("1", 1L)), fork("VM_ERROR", Map.of(), "", "Failed with error code 42")),
                2, null);
        assertEquals(Verdict.ERROR, r.verdict());
        assertEquals("VM_ERROR: Failed with error code 42", r.reason());
    }

    @Test
    void aTestWithMoreActorsThanCpusIsSkippedWithTheReason() {
        StressTestResult r = StressResults.testResult(lostUpdate(Expectation.ACCEPTABLE_INTERESTING, 4), List.of(), 2, null);
        assertEquals(Verdict.SKIPPED, r.verdict());
        assertTrue(r.reason().contains("needs 4 CPUs"), r.reason());
        assertNull(r.raceObserved());
    }

    @Test
    void aTestTheRunNeverReachedIsNotRun() {
        StressTestResult r = StressResults.testResult(lostUpdate(Expectation.ACCEPTABLE_INTERESTING, 2), List.of(), 2,
                "interrupted");
        assertEquals(Verdict.NOT_RUN, r.verdict());
        assertEquals(0, r.samples());
    }

    @Test
    void onlyApiMismatchesMeanSkipped() {
        StressTestResult r = StressResults.testResult(lostUpdate(Expectation.ACCEPTABLE_INTERESTING, 2),
                List.of(fork("API_MISMATCH", Map.of())), 2, null);
        assertEquals(Verdict.SKIPPED, r.verdict());
    }

    @Test
    void raceIdsMatchExactlyOrAsPatterns() {
        LessonInfo pattern = new LessonInfo("t", "n", "c", List.of("1, .*"), List.of());
        assertEquals(5, pattern.raceSamples(Map.of("1, 0", 2L, "1, 1", 3L, "0, 0", 7L)));
        LessonInfo exact = new LessonInfo("t", "n", "c", List.of("0, 0"), List.of());
        assertEquals(7, exact.raceSamples(Map.of("1, 0", 2L, "0, 0", 7L)));
    }
}
