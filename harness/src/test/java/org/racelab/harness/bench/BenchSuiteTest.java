package org.racelab.harness.bench;

import org.racelab.harness.TwoCpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.bundle.BenchRatio;
import org.racelab.harness.bundle.BenchResult;
import org.racelab.harness.bundle.BenchSection;
import org.racelab.harness.profile.JmhBudget;
import org.racelab.harness.progress.ProgressListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every benchmark of the suite, run once through JMH (a real fork each) with the least it
 * takes: one 100 ms warm-up and one 100 ms measurement, the smallest fan-out. Each must give a
 * finite, positive score, and the comparisons must come out of the results.
 */
class BenchSuiteTest {

    static final JmhBudget MINIMAL = new JmhBudget(1, 1, 100, 1, 100);

    @TempDir
    static Path folder;

    static BenchSection section;
    static final List<long[]> progress = new ArrayList<>();

    @BeforeAll
    static void runSuiteOnce() throws Exception {
        TwoCpus.assume();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void started(String what, long total, long estimateSeconds) {
            }

            @Override
            public synchronized void progressed(long done, long total, String note) {
                progress.add(new long[] {done, total});
            }

            @Override
            public void finished() {
            }
        };
        section = new BenchRunner().run(new BenchRequest(BenchRequest.ALL, MINIMAL,
                Map.of("tasks", List.of("100")), folder.resolve("raw")), listener);
    }

    @Test
    void everyBenchmarkGivesAFinitePositiveScore() {
        assertEquals(List.of(), section.failures(), "failures");
        assertTrue(section.complete(), section.incomplete());
        assertEquals(section.planned(), section.results().size());
        Set<String> measured = section.results().stream().map(BenchResult::benchmark).collect(Collectors.toSet());
        Set<String> listed = BenchPlan.of(BenchRequest.ALL, Map.of()).benchmarks().stream()
                .map(BenchNames::shortName).collect(Collectors.toSet());
        assertEquals(listed, measured);
        for (BenchResult r : section.results()) {
            double score = r.primary().score();
            assertTrue(Double.isFinite(score) && score > 0, r.benchmark() + " " + r.params() + ": " + score);
        }
    }

    @Test
    void virtualDriversAreRecorded() {
        for (BenchResult r : section.results()) {
            boolean virtualDriven = r.benchmark().endsWith("FromVirtual") || r.benchmark().equals("ThreadHandOff.virtualPair");
            assertEquals(virtualDriven ? "virtual" : "platform", r.driver(), r.benchmark());
        }
    }

    @Test
    void everyComparisonHasItsRatio() {
        Set<String> questions = section.ratios().stream().map(BenchRatio::question).collect(Collectors.toSet());
        for (RatioQuestion c : RatioQuestions.SUITE) {
            assertTrue(questions.contains(c.question()), c.question());
        }
        for (BenchRatio r : section.ratios()) {
            assertTrue(Double.isFinite(r.ratio()) && r.ratio() > 0, r.question());
        }
    }

    /**
     * The plain counter loses updates and the atomic one never does. Margin: in one 100 ms
     * measurement, 4 platform threads on 2 CPUs make tens of millions of increments (a quick run
     * here: 4% of 1.9 billion lost); none lost would need the threads never to overlap in any of
     * the hundreds of operations, not a realistic event even on a loaded 2-vCPU machine.
     */
    @Test
    void theRacyCounterLosesUpdatesAndTheAtomicOneNever() {
        BenchResult plain = counter("plain");
        double updates = plain.secondary().get("updates").score();
        assertTrue(updates > 1_000_000, "increments made: " + updates);
        double lost = plain.secondary().get("lostUpdates").score();
        assertTrue(lost > 0 && lost < updates, "lost " + lost + " of " + updates);
        BenchResult atomic = counter("AtomicInteger");
        assertTrue(atomic.secondary().get("updates").score() > 1_000_000);
        assertEquals(0.0, atomic.secondary().get("lostUpdates").score(), "an AtomicInteger loses nothing");
    }

    private static BenchResult counter(String counter) {
        return section.results().stream()
                .filter(r -> r.benchmark().equals("ContendedCounter.platformThreads") && r.params().get("counter").equals(counter))
                .findFirst().orElseThrow();
    }

    @Test
    void jmhsOwnFilesAreKeptUnderRaw() throws Exception {
        assertEquals("raw/jmh-result.json", section.rawJson());
        assertTrue(Files.readString(folder.resolve(section.rawJson())).contains("\"benchmark\""));
        assertTrue(Files.readString(folder.resolve(section.rawConsole())).contains("# Benchmark:"));
    }

    @Test
    void progressReachesTheEnd() {
        long[] last = progress.get(progress.size() - 1);
        assertEquals(last[1], last[0]);
        assertEquals(section.planned(), last[1]);
    }
}
