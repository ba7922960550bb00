package org.racelab.harness.sched;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.bundle.SchedFootprint;
import org.racelab.harness.bundle.SchedSection;
import org.racelab.harness.progress.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code racelab sched} on a machine without {@code /proc} and {@code /sys} (macOS, Windows),
 * simulated: the runner's child JVMs read them under an empty folder. All four experiments still
 * run and measure; every reading that the machine did not give is one line under "missing" in the
 * section, and nothing fails. About 10 s on 2 CPUs (the experiments at a tiny size).
 */
class SchedWithoutProcTest {

    @Test
    void everyExperimentRunsAndEachReadingItCannotTakeIsListedUnderMissing(@TempDir Path temp) throws IOException {
        Path noProc = Files.createDirectory(temp.resolve("no-proc"));
        SchedSection s = new SchedRunner(noProc).run(new SchedRequest(List.of(Experiment.values()),
                SchedExperimentsTest.TINY, null, null, Files.createDirectory(temp.resolve("raw"))), ProgressListener.NONE);

        assertTrue(s.complete(), s.incomplete().toString());
        assertEquals(List.of("timeslice", "carriers", "preemption", "footprint"), s.experiments());
        // measured all the same, from the JVM's own clocks and heap
        assertTrue(s.timeslice().perThread().size() > 0);
        assertTrue(s.carriers().runs().size() > 0);
        assertTrue(s.preemption().runs().size() > 0);
        SchedFootprint.FootprintRun platform = s.footprint().runs().stream()
                .filter(r -> r.kind().equals("platform")).findFirst().orElseThrow();
        assertEquals(platform.requested(), platform.reached());
        assertNull(platform.rssBytesPerThread());
        assertTrue(s.timeslice().kernel().isEmpty());

        List<String> missing = s.missing();
        for (String reading : List.of("kernel time slice: ", "per-thread context switches: ", "per-thread schedstat: ",
                "footprint: process RSS not readable", "footprint: the kernel's task limits not readable")) {
            assertEquals(1, missing.stream().filter(m -> m.startsWith(reading)).count(),
                    "one line for '" + reading + "' in " + missing);
        }
        assertEquals(5, missing.size(), missing.toString());
    }
}
