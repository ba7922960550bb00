package org.racelab.harness.sched;

import org.racelab.harness.stats.Percentiles;
import org.junit.jupiter.api.Test;
import org.racelab.harness.bundle.SchedPreemption.ThreadSpan;
import org.racelab.harness.bundle.SchedSegment;
import org.racelab.harness.bundle.SchedTimeslice;
import org.racelab.harness.sched.LinuxReadings.ThreadCounters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The statistics on recorded data: run lengths from clock gaps, percentiles, the timeslice
 * summary of a real run ({@code timeslice-gaps-2cpu.txt}: 4 busy threads for 0.5 s on 2 vCPUs,
 * AMD EPYC, Linux 6.18, JDK 25, captured from {@code raw/sched/} of a smoke run on a shared
 * machine). The expected figures were computed from the file by a separate script.
 */
class SchedStatisticsTest {

    @Test
    void runLengthsAreTheTimesBetweenGapsWithoutTheCutEnds() {
        ClockGaps g = new ClockGaps(0, 0, 100, new long[]{10, 30, 60}, new long[]{20, 35, 80});
        assertArrayEquals(new long[]{10, 25}, g.runLengths());
        assertEquals(10 + 5 + 20, g.gapNanos());
        assertEquals(0, new ClockGaps(0, 0, 100, new long[]{10}, new long[]{20}).runLengths().length);
    }

    @Test
    void percentilesInterpolateBetweenRanks() {
        Percentiles p = new Percentiles(new double[]{4, 1, 3, 2});
        assertEquals(2.5, p.median(), 1e-12);
        assertEquals(1.3, p.at(10), 1e-12);
        assertEquals(3.7, p.at(90), 1e-12);
        assertEquals(1, p.at(0));
        assertEquals(4, p.at(100));
        assertEquals(2.5, p.mean(), 1e-12);
        assertTrue(Double.isNaN(new Percentiles(new double[0]).median()));
        assertThrows(IllegalArgumentException.class, () -> p.at(101));
    }

    @Test
    void gapsFileRoundTrips() throws IOException {
        List<ClockGaps> threads = ClockGaps.parse(fixture("timeslice-gaps-2cpu.txt"));
        assertEquals(threads, ClockGaps.parse(ClockGaps.format(threads)));
        assertThrows(IllegalArgumentException.class, () -> ClockGaps.parse("thread 0 start 1 end 2 gaps 2\n5 6\n"));
    }

    @Test
    void recordedRunGivesItsFigures() throws IOException {
        List<ClockGaps> threads = ClockGaps.parse(fixture("timeslice-gaps-2cpu.txt"));
        assertEquals(List.of(65, 75, 51, 72), threads.stream().map(ClockGaps::gaps).toList());

        List<ThreadCounters> counts = List.of(new ThreadCounters(0L, 80L, null, 2_000_000L, 81L),
                new ThreadCounters(1L, 76L, null, 1_000_000L, 77L), new ThreadCounters(0L, 70L, null, 0L, 70L),
                new ThreadCounters(1L, 85L, null, 500_000L, 86L));
        SchedTimeslice t = TimesliceExperiment.summarize(threads, counts, 2, 0.5, 50_000, List.of());
        assertEquals(259, t.runs());
        assertEquals(0.243393, t.medianMillis(), 1e-9);
        assertEquals(0.0100082, t.p10Millis(), 1e-9);
        assertEquals(3.981425, t.p90Millis(), 1e-9);
        assertEquals(263, t.switchCheck().gaps());
        assertEquals(311L, t.switchCheck().nonvoluntarySwitches());
        assertEquals(3.5, t.switchCheck().schedstatWaitMillis(), 1e-9);
        assertEquals(259, t.runLengthsMillis().size());
        assertTrue(t.switchesPerSecond() > 263 / 0.6 && t.switchesPerSecond() < 263 / 0.45, "" + t.switchesPerSecond());
        for (var th : t.perThread()) {
            assertTrue(th.runMillis() > 0 && th.runMillis() + th.gapMillis() < 600, th.toString());
        }
    }

    @Test
    void unreadableCountersLeaveTheCheckOpen() throws IOException {
        List<ClockGaps> threads = ClockGaps.parse(fixture("timeslice-gaps-2cpu.txt"));
        SchedTimeslice t = TimesliceExperiment.summarize(threads, List.of(), 2, 0.5, 50_000, List.of());
        assertEquals(null, t.switchCheck().nonvoluntarySwitches());
        assertEquals(259, t.runs());
    }

    @Test
    void maxInFlightCountsOverlapsNotTouchingEnds() {
        assertEquals(1, PreemptionExperiment.maxInFlight(List.of(span(0, 10), span(10, 20), span(20, 30))));
        assertEquals(3, PreemptionExperiment.maxInFlight(List.of(span(0, 10), span(1, 20), span(9, 30))));
        assertEquals(2, PreemptionExperiment.maxInFlight(List.of(span(0, 10), span(1, 20), span(15, 30))));
    }

    @Test
    void carrierNameIsThePartAfterTheAt() {
        assertEquals("ForkJoinPool-1-worker-1", CarrierName.of("VirtualThread[#22]/runnable@ForkJoinPool-1-worker-1"));
        assertEquals("ForkJoinPool-1-worker-12", CarrierName.of("VirtualThread[#31,v2]/runnable@ForkJoinPool-1-worker-12"));
        assertEquals(CarrierName.UNKNOWN, CarrierName.of("VirtualThread[#22]/waiting"));
        assertEquals(1, CarriersExperiment.movedThreads(List.of(seg("v1", "w-1"), seg("v1", "w-2"), seg("v2", "w-1"))));
        assertEquals(List.of("ForkJoinPool-1-worker-2", "ForkJoinPool-1-worker-10"), CarriersExperiment.carrierNames(
                List.of(seg("v1", "ForkJoinPool-1-worker-10"), seg("v2", "ForkJoinPool-1-worker-2"))));
    }

    private static ThreadSpan span(double from, double to) {
        return new ThreadSpan("t", null, from, to, List.of(to));
    }

    private static SchedSegment seg(String thread, String carrier) {
        return new SchedSegment(thread, carrier, 0, 1);
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = SchedStatisticsTest.class.getResourceAsStream("/sched/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
