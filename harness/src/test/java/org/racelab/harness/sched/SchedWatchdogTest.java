package org.racelab.harness.sched;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduling experiments' watchdog: a child JVM that runs past its time is stopped, says so,
 * and leaves no process behind. The child is a real one, a time-slice experiment asked for 60 s
 * of busy threads, against a 3 s watchdog (its JVM starts in well under a second).
 */
class SchedWatchdogTest {

    @Test
    @Timeout(100) // a watchdog that never trips fails the test instead of hanging it
    void aChildThatRunsPastItsWatchdogIsStoppedAndSaysSo(@TempDir Path dir) {
        SchedRunner.Child child = new SchedRunner.Child("timeslice", Experiment.TIMESLICE, null, List.of(),
                List.of("threads=1", "seconds=60", "thresholdNanos=" + TimesliceExperiment.DEFAULT_THRESHOLD_NANOS), 60);
        long start = System.nanoTime();
        SchedRunner.ChildFailure f = assertThrows(SchedRunner.ChildFailure.class,
                () -> new SchedRunner().runChild(child, dir, Duration.ofSeconds(3)));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("did not finish within 3 s; it was stopped", f.getMessage());
        assertTrue(seconds >= 3 && seconds < 50, "stopped at its time, not at the experiment's end: " + seconds + " s");
        assertTrue(ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive), "no process left");
        assertFalse(Files.exists(dir.resolve("timeslice.json")), "no result from a stopped child");
    }
}
