package org.racelab.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.racelab.harness.run.ExitCode;
import org.racelab.harness.vrace.VraceRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The virtual-thread runner's two watchdogs, on the fixture whose actor never returns. The run's
 * ({@code --timeout}): its JVM is stopped at the time given, the run says why, and no process is
 * left (1 s: the per-test watchdog, at 150 ms + 1 s after the test starts, cannot come first). The
 * per-test one: the test is an error, "hung", and the JVM that could not stop it is ended.
 */
class VraceWatchdogTest {

    @Test
    @Timeout(100) // a watchdog that never trips fails the test instead of hanging it
    void aHungTestIsStoppedByTheWatchdogAndLeavesNoProcessBehind(@TempDir Path out) throws Exception {
        long start = System.nanoTime();
        CliRun run = CliRun.of("vrace", "--profile", "smoke", "--tests-jar", Path.of("target", "test-classes").toString(),
                "--case", "Hang", "--threads", "virtual", "--carriers", "2", "--timeout", "1", "--out", out.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(ExitCode.FAILURE, run.exitCode(), run::toString);
        JsonNode b = StressRunTest.bundleUnder(out);
        JsonNode v = b.get("vrace");
        assertFalse(v.get("complete").asBoolean(), v.toPrettyString());
        assertTrue(v.get("incomplete").asText().contains("did not finish within 1 s"), v.toPrettyString());
        JsonNode hang = v.get("tests").get(0);
        assertTrue(hang.get("name").asText().endsWith("Fixture_03_Hang"), hang.toPrettyString());
        for (JsonNode r : hang.get("runs")) {
            assertEquals("NOT_RUN", r.get("verdict").asText(), r.toPrettyString());
        }
        assertTrue(seconds < 60, "stopped by the watchdog, in " + seconds + " s");
        assertTrue(ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive), "no process left");
    }

    @Test
    @Timeout(100)
    void aHungTestIsAnErrorByItsOwnWatchdogAndTheRunEnds(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of("vrace", "--profile", "smoke", "--tests-jar", Path.of("target", "test-classes").toString(),
                "--case", "Hang|AtomicCounter", "--carriers", "2", "--out", out.toString());
        assertEquals(ExitCode.FAILURE, run.exitCode(), run::toString);
        JsonNode v = StressRunTest.bundleUnder(out).get("vrace");
        assertTrue(v.get("complete").asBoolean(), "the run itself ended: " + v.toPrettyString());
        for (JsonNode t : v.get("tests")) {
            for (JsonNode r : t.get("runs")) {
                if (t.get("name").asText().endsWith("Fixture_03_Hang")) {
                    assertEquals("ERROR", r.get("verdict").asText(), r.toPrettyString());
                    assertTrue(r.get("reason").asText().startsWith("hung: no actor moved on within 1150 ms"),
                            r.toPrettyString());
                } else {
                    assertEquals("PASSED", r.get("verdict").asText(), "the test after it, in a fresh JVM: " + r);
                }
            }
        }
        assertTrue(ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive), "no process left");
    }

    /**
     * Code under test that ends its JVM: with {@code System.exit(3)}, the exit code the per-test
     * watchdog uses to ask for a fresh JVM, but no stuck test written, it is a JVM that ended, not a
     * restart (before, racelab started JVM after JVM for as long as the run was allowed); with
     * {@code System.exit(0)} before its test's result, a JVM that did not end well.
     */
    @ParameterizedTest
    @CsvSource({"Three, exited with code 3 with no stuck test recorded",
            "Zero, ended (exit code 0) before 1 of its 1 tests had a result"})
    @Timeout(100)
    void codeUnderTestThatEndsItsJvmEndsTheConfiguration(String variant, String why, @TempDir Path out) throws Exception {
        CliRun run = CliRun.of("vrace", "--profile", "smoke", "--tests-jar", Path.of("target", "test-classes").toString(),
                "--case", "ExitCall\\." + variant, "--threads", "virtual", "--carriers", "2", "--out", out.toString());
        assertEquals(ExitCode.FAILURE, run.exitCode(), run::toString);
        JsonNode v = StressRunTest.bundleUnder(out).get("vrace");
        assertFalse(v.get("complete").asBoolean(), v.toPrettyString());
        assertTrue(v.get("incomplete").asText().contains(why), v.toPrettyString());
        try (Stream<Path> raw = Files.list(StressRunTest.folderUnder(out).resolve("raw"))) {
            assertEquals(0, raw.filter(p -> p.getFileName().toString().contains(".restart-")).count(),
                    "no fresh JVM was started");
        }
        assertTrue(ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive), "no process left");
    }

    /** Code under test that prints without end: its JVM is stopped at the console's cap, not left to fill the disk. */
    @Test
    @Timeout(100)
    void codeUnderTestThatFloodsItsConsoleIsStopped(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of("vrace", "--profile", "smoke", "--tests-jar", Path.of("target", "test-classes").toString(),
                "--case", "Flood", "--threads", "virtual", "--carriers", "2", "--out", out.toString());
        assertEquals(ExitCode.FAILURE, run.exitCode(), run::toString);
        JsonNode v = StressRunTest.bundleUnder(out).get("vrace");
        assertTrue(v.get("incomplete").asText().contains("flooded its console"), v.toPrettyString());
        try (Stream<Path> raw = Files.list(StressRunTest.folderUnder(out).resolve("raw"))) {
            long bytes = raw.mapToLong(p -> p.toFile().length()).sum();
            assertTrue(bytes < 2 * VraceRunner.OUTPUT_CAP, bytes + " bytes in raw/");
        }
    }
}
