package org.racelab.harness.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.bundle.BenchFailure;
import org.racelab.harness.bundle.BenchSection;
import org.racelab.harness.progress.ProgressListener;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One benchmark fails in JMH (its command cannot start); the others still run, and the failure is in the section. */
class BenchFailureTest {

    @Test
    void aFailingBenchmarkIsRecordedAndTheRestRun(@TempDir Path folder) throws Exception {
        BenchSection s = new BenchRunner().run(new BenchRequest("ProcessVsThreadStart\\.(process|platformThread)$",
                BenchSuiteTest.MINIMAL, Map.of("command", List.of("racelab-no-such-program")), folder.resolve("raw")),
                ProgressListener.NONE);
        assertEquals(2, s.planned());
        assertEquals(1, s.results().size());
        assertEquals("ProcessVsThreadStart.platformThread", s.results().get(0).benchmark());
        assertEquals(1, s.failures().size());
        BenchFailure f = s.failures().get(0);
        assertEquals("ProcessVsThreadStart.process", f.benchmark());
        assertEquals(Map.of("command", "racelab-no-such-program"), f.params());
        assertTrue(f.reason().contains("IOException") && f.reason().contains("racelab-no-such-program"), f.reason());
        assertFalse(s.complete());
        assertTrue(s.incomplete().contains("1 of 2 benchmarks failed"), s.incomplete());
    }
}
