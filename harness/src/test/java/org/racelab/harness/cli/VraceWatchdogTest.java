package org.racelab.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.run.ExitCode;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The virtual-thread runner's watchdog, on the fixture whose actor never returns: its JVM is
 * stopped at the time given, the run says why, and no process is left. (3 s: the JVM starts in
 * well under a second; without the watchdog the test would never end.)
 */
class VraceWatchdogTest {

    @Test
    @Timeout(100) // a watchdog that never trips fails the test instead of hanging it
    void aHungTestIsStoppedByTheWatchdogAndLeavesNoProcessBehind(@TempDir Path out) throws Exception {
        long start = System.nanoTime();
        CliRun run = CliRun.of("vrace", "--profile", "smoke", "--tests-jar", Path.of("target", "test-classes").toString(),
                "--case", "Hang", "--threads", "virtual", "--carriers", "2", "--timeout", "3", "--out", out.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(ExitCode.FAILURE, run.exitCode(), run::toString);
        JsonNode b = StressRunTest.bundleUnder(out);
        JsonNode v = b.get("vrace");
        assertFalse(v.get("complete").asBoolean(), v.toPrettyString());
        assertTrue(v.get("incomplete").asText().contains("did not finish within 3 s"), v.toPrettyString());
        JsonNode hang = v.get("tests").get(0);
        assertTrue(hang.get("name").asText().endsWith("Fixture_03_Hang"), hang.toPrettyString());
        for (JsonNode r : hang.get("runs")) {
            assertEquals("NOT_RUN", r.get("verdict").asText(), r.toPrettyString());
        }
        assertTrue(seconds < 60, "stopped by the watchdog, in " + seconds + " s");
        assertTrue(ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive), "no process left");
    }
}
