package org.racelab.harness.sched;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Linux readings from a copy of {@code /proc} (captured from a busy Java thread on 2 vCPUs,
 * Linux 6.18), and from an empty folder: a machine that gives none of them.
 */
class SchedReadingsTest {

    @Test
    void readsTheCapturedProcFiles() throws URISyntaxException {
        LinuxReadings linux = new LinuxReadings(Path.of(SchedReadingsTest.class.getResource("/sched").toURI()));
        LinuxReadings.ThreadCounters c = linux.threadCounters();
        assertEquals(2L, c.voluntary());
        assertEquals(48L, c.nonvoluntary());
        assertEquals(140033664L, c.schedstatRunNanos());
        assertEquals(164512166L, c.schedstatWaitNanos());
        assertEquals(63L, c.schedstatTimeslices());
        assertEquals(98744L * 1024, linux.residentBytes().getAsLong());
        assertEquals(32768 / 4, FootprintExperiment.platformCap(linux));
        LinuxReadings.Slices slices = linux.kernelSlices();
        // this kernel (EEVDF, debugfs not mounted) shows only the real-time slice
        assertEquals(1, slices.settings().size());
        assertEquals(100.0, slices.settings().get(0).millis());
        assertEquals(1, slices.missing().size());
        assertTrue(slices.missing().get(0).startsWith("kernel time slice: none of"), slices.missing().get(0));
    }

    @Test
    void aMachineWithoutTheReadingsSaysWhatIsMissingAndStillMeasures(@TempDir Path empty) throws InterruptedException {
        LinuxReadings none = new LinuxReadings(empty);
        assertNull(none.threadCounters().nonvoluntary());
        assertTrue(none.residentBytes().isEmpty());
        assertEquals(FootprintExperiment.PLATFORM_CAP_UNKNOWN_LIMITS, FootprintExperiment.platformCap(none));

        TimesliceExperiment.Result r = TimesliceExperiment.run(2, 0.1, TimesliceExperiment.DEFAULT_THRESHOLD_NANOS, none);
        assertEquals(2, r.timeslice().perThread().size());
        assertNull(r.timeslice().switchCheck().nonvoluntarySwitches());
        assertTrue(r.timeslice().kernel().isEmpty());
        assertEquals(3, r.missing().size(), r.missing().toString());
        assertTrue(r.missing().stream().anyMatch(m -> m.startsWith("kernel time slice")));
        assertTrue(r.missing().stream().anyMatch(m -> m.startsWith("per-thread context switches")));
        assertTrue(r.missing().stream().anyMatch(m -> m.startsWith("per-thread schedstat")));
    }
}
