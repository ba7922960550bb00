package org.racelab.harness.sched;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.bundle.SchedCarriers;
import org.racelab.harness.bundle.SchedFootprint;
import org.racelab.harness.bundle.SchedPreemption;
import org.racelab.harness.bundle.SchedPreemption.ThreadSpan;
import org.racelab.harness.bundle.SchedSection;
import org.racelab.harness.bundle.SchedSegment;
import org.racelab.harness.profile.SchedSizes;
import org.racelab.harness.chart.SchedCharts;
import org.racelab.harness.progress.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * All four experiments at a tiny size, through the runner and its child JVMs, as
 * {@code racelab sched} runs them: the data has the right shape, and the two facts the
 * preemption experiment exists for hold. Runs once for all tests (about 10 s on 2 CPUs).
 */
class SchedExperimentsTest {

    /** 0.3 s timeslice; 3 virtual threads x 2 rounds of 1 ms; 150 ms of work per preemption thread; N = 200. */
    static final SchedSizes TINY = new SchedSizes(0.3, 2, 3, 2, 1, 1, 150, 200);

    @TempDir
    static Path raw;
    static SchedSection section;
    static int cpus;

    @BeforeAll
    static void runAll() throws IOException {
        cpus = Runtime.getRuntime().availableProcessors();
        section = new SchedRunner().run(new SchedRequest(List.of(Experiment.values()), TINY, null, null, raw),
                ProgressListener.NONE);
    }

    @Test
    void everyExperimentRan() {
        assertTrue(section.complete(), section.incomplete().toString());
        assertEquals(List.of("timeslice", "carriers", "preemption", "footprint"), section.experiments());
        assertEquals(cpus, section.cpus());
        assertTrue(Files.exists(raw.resolve("sched/timeslice-gaps.txt")));
    }

    @Test
    void timesliceHasOneEntryPerBusyThread() {
        var t = section.timeslice();
        assertEquals(2 * cpus, t.threads());
        assertEquals(2 * cpus, t.perThread().size());
        assertEquals(t.runs() > 0 ? t.runs() : 0, t.runLengthsMillis().size());
        if (t.runs() > 0) {
            assertTrue(t.p10Millis() <= t.medianMillis() && t.medianMillis() <= t.p90Millis(), t.toString());
        }
        for (var th : t.perThread()) {
            // each thread read its clock for about 0.3 s: run + gaps is that time
            assertTrue(th.runMillis() + th.gapMillis() > 250 && th.runMillis() + th.gapMillis() < 1000, th.toString());
        }
        if (LinuxReadings.isLinux()) {
            assertNotNull(t.switchCheck().nonvoluntarySwitches());
        }
    }

    @Test
    void carriersOneLanePerCarrierAndEverySegmentRecorded() {
        SchedCarriers c = section.carriers();
        assertEquals(new SchedRequest(List.of(), TINY, null, null, raw).carrierCounts(cpus),
                c.runs().stream().map(SchedCarriers.CarrierRun::carriers).toList());
        for (SchedCarriers.CarrierRun run : c.runs()) {
            assertEquals(3 * 2, run.segments().size());
            assertTrue(run.carrierNames().size() >= 1 && run.carrierNames().size() <= run.carriers(), run.toString());
            assertTrue(run.segments().stream().noneMatch(s -> s.carrier().equals(CarrierName.UNKNOWN)));
            assertTrue(run.segments().stream().allMatch(s -> s.endMillis() - s.startMillis() >= 1.0));
        }
        // One carrier: every virtual thread computed on it, and no two at once.
        SchedCarriers.CarrierRun one = c.runs().get(0);
        assertEquals(1, one.carrierNames().size());
        assertEquals(0, one.movedThreads());
        List<SchedSegment> byStart = one.segments().stream().sorted(Comparator.comparingDouble(SchedSegment::startMillis)).toList();
        for (int i = 1; i < byStart.size(); i++) {
            assertTrue(byStart.get(i).startMillis() >= byStart.get(i - 1).endMillis(), byStart.toString());
        }
    }

    @Test
    void oneCarrierRunsVirtualThreadsOneAfterAnother() {
        SchedPreemption.PreemptionRun run = run("virtual", 1);
        // Deterministic: one carrier, and a virtual thread that never blocks keeps it until it ends.
        List<ThreadSpan> byStart = run.spans().stream().sorted(Comparator.comparingDouble(ThreadSpan::startMillis)).toList();
        for (int i = 1; i < byStart.size(); i++) {
            assertTrue(byStart.get(i).startMillis() >= byStart.get(i - 1).finishMillis(), byStart.toString());
        }
        assertEquals(1, run.maxInFlight());
        assertEquals(cpus + 1, run.spans().size());
        assertTrue(run.spans().stream().allMatch(s -> s.progressMillis().size() == PreemptionExperiment.STEPS));
    }

    @Test
    void platformThreadsAllProgressAtOnce() {
        SchedPreemption.PreemptionRun run = run("platform", null);
        // Cannot flake: the threads are started one after another in well under a millisecond each,
        // and each needs about 150 ms of CPU alone (more with CPUs+1 threads on the CPUs, more on a
        // loaded machine); the OS runs a newly started thread within a few slices, so every thread
        // has started long before the first one can have done its work.
        assertEquals(cpus + 1, run.maxInFlight(), run.spans().toString());
        assertNull(run.carriers());
    }

    @Test
    void footprintStartsNOfEachKind() {
        SchedFootprint f = section.footprint();
        assertEquals(200, f.requested());
        assertEquals(List.of("platform", "virtual"), f.runs().stream().map(SchedFootprint.FootprintRun::kind).toList());
        for (SchedFootprint.FootprintRun r : f.runs()) {
            assertEquals(200, r.reached());
            assertNull(r.stoppedBy());
            assertEquals(List.of(0, 50, 100, 150, 200), r.steps().stream().map(SchedFootprint.Step::threads).toList());
            assertTrue(r.startAllMillis() > 0);
        }
        // a parked virtual thread keeps its stack on the heap: hundreds of bytes at the least
        assertTrue(f.runs().get(1).heapBytesPerThread() > 256, f.runs().get(1).toString());
    }

    @Test
    void chartsAreDrawnFromTheSection(@TempDir Path folder) throws IOException {
        SchedCharts.Drawn drawn = SchedCharts.draw(section, folder);
        assertEquals(List.of(), drawn.problems());
        assertTrue(drawn.files().contains("charts/sched-preemption.svg"), drawn.files().toString());
        assertTrue(drawn.files().contains("charts/sched-carriers.svg"));
        assertTrue(drawn.files().contains("charts/sched-footprint.svg"));
        String svg = Files.readString(folder.resolve("charts/sched-preemption.svg"));
        assertTrue(svg.contains("<svg") && svg.contains("virtual-1"), svg.substring(0, Math.min(200, svg.length())));
    }

    private static SchedPreemption.PreemptionRun run(String kind, Integer carriers) {
        return section.preemption().runs().stream()
                .filter(r -> r.kind().equals(kind) && java.util.Objects.equals(r.carriers(), carriers))
                .findFirst().orElseThrow();
    }
}
