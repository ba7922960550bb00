package org.racelab.harness.stress;

import org.racelab.harness.bundle.Verdict;
import org.junit.jupiter.api.Test;
import org.racelab.harness.bundle.Meaning;
import org.racelab.harness.bundle.OutcomeCount;
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

    /** A test without a lesson, as a third party writes it: "0, 0" and "1, 1" interesting, a default rule interesting too. */
    private static StressTest suiteTest(boolean interestingDefault) {
        List<OutcomeRule> rules = new java.util.ArrayList<>(List.of(
                new OutcomeRule("0, 0", Expectation.ACCEPTABLE_INTERESTING, "both missed"),
                new OutcomeRule("1, 1", Expectation.ACCEPTABLE_INTERESTING, "both saw"),
                new OutcomeRule("0, 1|1, 0", Expectation.ACCEPTABLE, "one first"),
                new OutcomeRule("2, 2", Expectation.FORBIDDEN, "out of thin air")));
        if (interestingDefault) {
            rules.add(new OutcomeRule("", Expectation.ACCEPTABLE_INTERESTING, "anything else"));
        }
        return new StressTest("y.SB", "y.SB", "store buffering", List.of("actor1", "actor2"), rules, Optional.empty());
    }

    @Test
    void aTestWithoutALessonCountsJCStressInterestingOutcomesAsSeen() {
        StressTestResult r = StressResults.testResult(suiteTest(false),
                List.of(fork("NORMAL", Map.of("0, 0", 5L, "0, 1", 90L)), fork("NORMAL", Map.of("1, 1", 2L, "1, 0", 3L))),
                2, null);
        assertEquals(Verdict.PASSED, r.verdict());
        assertEquals("jcstress", r.kind());
        assertEquals(Meaning.INTERESTING, r.meaning());
        assertEquals("store buffering", r.description());
        assertEquals(7L, r.raceSamples(), "0, 0 and 1, 1: the interesting ones, over both forks");
        assertEquals(true, r.raceObserved());
        assertNull(r.raceExpected(), "no lesson, no claim about the hardware");
        assertEquals(List.of("0, 0", "1, 1"), Meaning.seen(r.outcomes()).stream().map(OutcomeCount::id).toList());
        assertEquals(List.of("0, 0", "1, 1"), Meaning.marked(r.outcomes()).stream().map(OutcomeCount::id).toList(),
                "the FORBIDDEN and ACCEPTABLE rules are not marked");
        // each fork is marked by the same rule
        assertEquals(List.of("0, 0"), Meaning.seen(r.configs().get(0).outcomes()).stream().map(OutcomeCount::id).toList());
    }

    @Test
    void aForbiddenOutcomeStillFailsATestWhoseInterestingOutcomeWasSeen() {
        StressTestResult r = StressResults.testResult(suiteTest(false),
                List.of(fork("NORMAL", Map.of("0, 0", 5L, "2, 2", 1L))), 2, null);
        assertEquals(Verdict.FAILED, r.verdict());
        assertTrue(r.reason().contains("Observed forbidden state: 2, 2"), r.reason());
        assertEquals(5L, r.raceSamples());
    }

    @Test
    void anInterestingDefaultRuleMarksWhatItGradesAndNothingSeenIsNever() {
        StressTestResult r = StressResults.testResult(suiteTest(true),
                List.of(fork("NORMAL", Map.of("7, 7", 4L, "0, 1", 6L))), 2, null);
        assertEquals(4L, r.raceSamples(), "7, 7 falls to the interesting default rule");
        StressTestResult quiet = StressResults.testResult(suiteTest(false),
                List.of(fork("NORMAL", Map.of("0, 1", 6L))), 2, null);
        assertEquals(false, quiet.raceObserved());
        assertEquals(0L, quiet.raceSamples());
    }

    @Test
    void aTestWithoutALessonOrAnInterestingRuleHasNothingToSee() {
        StressTest plain = new StressTest("y.P", "y.P", "", List.of("actor1"),
                List.of(new OutcomeRule("1", Expectation.ACCEPTABLE, "ok")), Optional.empty());
        StressTestResult r = StressResults.testResult(plain, List.of(fork("NORMAL", Map.of("1", 6L))), 2, null);
        assertNull(r.meaning());
        assertNull(r.raceObserved());
        assertTrue(Meaning.marked(r.outcomes()).isEmpty());
    }

    @Test
    void aLessonsRaceIsMarkedByItsIdsAsPatterns() {
        LessonInfo lesson = new LessonInfo("t", "n", "c", List.of("-1.*"), List.of());
        StressTest t = new StressTest("x.O.V", "x.O$V", "", List.of("a1", "a2"),
                List.of(new OutcomeRule("-1.*", Expectation.ACCEPTABLE_INTERESTING, "overdrawn"),
                        new OutcomeRule("0, 1", Expectation.ACCEPTABLE_INTERESTING, "interesting, not the race"),
                        new OutcomeRule("0, 2", Expectation.ACCEPTABLE, "ok")), Optional.of(lesson));
        StressTestResult r = StressResults.testResult(t, List.of(fork("NORMAL", Map.of("-100, 2", 3L, "0, 1", 5L, "0, 2", 9L))),
                2, null);
        assertEquals(Meaning.LESSON, r.meaning());
        assertEquals(3L, r.raceSamples(), "the lesson's race, not every interesting outcome");
        assertEquals(List.of("-100, 2"), Meaning.seen(r.outcomes()).stream().map(OutcomeCount::id).toList());
    }
}
