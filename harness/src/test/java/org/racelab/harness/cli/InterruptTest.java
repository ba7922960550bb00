package org.racelab.harness.cli;

import org.racelab.harness.TwoCpus;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C (here SIGTERM, which runs the same shutdown path) in the middle of a run: the bundle is
 * still written, marked incomplete, and JCStress's processes are gone.
 */
class InterruptTest {

    @Test
    void aRunCutShortKeepsItsBundle(@TempDir Path out) throws Exception {
        TwoCpus.assume();
        Process racelab = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                "org.racelab.harness.Main", "stress", "--profile", "quick", "--out", out.toString()))
                .redirectErrorStream(true)
                .redirectOutput(out.resolveSibling(out.getFileName() + "-console.txt").toFile())
                .start();
        try {
            waitFor(() -> consoleLogOf(out).map(InterruptTest::jcstressHasStarted).orElse(false), 120);
            List<ProcessHandle> jcstress = racelab.descendants().toList();
            assertFalse(jcstress.isEmpty(), "JCStress runs as a child process");
            racelab.destroy();
            assertTrue(racelab.waitFor(60, TimeUnit.SECONDS), "racelab ends after SIGTERM");
            waitFor(() -> jcstress.stream().noneMatch(ProcessHandle::isAlive), 20);
        } finally {
            racelab.descendants().forEach(ProcessHandle::destroyForcibly);
            racelab.destroyForcibly();
        }
        Path folder = StressRunTest.folderUnder(out);
        JsonNode b = org.racelab.harness.bundle.Json.mapper().readTree(folder.resolve("bundle.json").toFile());
        assertFalse(b.get("complete").asBoolean());
        assertTrue(b.get("incomplete").toString().contains("interrupted"), b.toPrettyString());
        assertEquals(org.racelab.harness.catalog.TestCatalog.builtIn().tests().size(), b.at("/stress/tests").size(),
                "every test of the selection is in the bundle");
        assertEquals(b.at("/stress/tests").size(), countVerdicts(b, "PASSED") + countVerdicts(b, "NOT_RUN")
                + countVerdicts(b, "SKIPPED"), b.toPrettyString());
    }

    private static long countVerdicts(JsonNode b, String verdict) {
        long n = 0;
        for (JsonNode t : b.at("/stress/tests")) {
            n += t.get("verdict").asText().equals(verdict) ? 1 : 0;
        }
        return n;
    }

    private static java.util.Optional<Path> consoleLogOf(Path out) {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.getFileName().toString().equals("jcstress-console.log")).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static boolean jcstressHasStarted(Path log) {
        try {
            return Files.readString(log).contains("Probing what VM configurations are available");
        } catch (IOException e) {
            return false;
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + seconds + " s");
            }
            Thread.sleep(100);
        }
    }
}
