package org.racelab.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.run.ExitCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trap of the notes' scheduling section, on the virtual-thread runner: an actor that spins
 * until another has written (a continuous test, Fixture_09) or until signalled (a termination
 * test, Fixture_07). With a thread or a carrier for each, they end; on one carrier the spinner
 * keeps the carrier, the other never runs, and the per-test watchdog records racelab's own
 * outcome, NO_PROGRESS, then goes on in a fresh JVM. Smoke profile: 150 ms a test, 1 s of grace;
 * deterministic, since one carrier runs one virtual thread until it blocks or ends, whatever the load.
 */
class VraceNoProgressTest {

    @TempDir
    static Path out;

    private static CliRun run;
    private static JsonNode bundle;
    private static double seconds;

    @BeforeAll
    @Timeout(120)
    static void runTheSpinners() throws IOException {
        long start = System.nanoTime();
        run = CliRun.of("vrace", "--profile", "smoke", "--tests-jar", Path.of("target", "test-classes").toString(),
                "--case", "RacyCounter|Fixture_07_Termination|SpinUntilWritten", "--carriers", "1,2",
                "--out", out.toString());
        seconds = (System.nanoTime() - start) / 1e9;
        bundle = StressRunTest.bundleUnder(out);
    }

    @Test
    void onOneCarrierTheSpinnerKeepsItAndTheWriterNeverRuns() {
        for (String test : new String[]{"Fixture_09_SpinUntilWritten", "Fixture_07_Termination"}) {
            JsonNode one = runOf(test, "virtual", 1);
            assertEquals("PASSED", one.get("verdict").asText(), "neither an error nor a skip: " + one.toPrettyString());
            assertTrue(one.get("noProgress").asBoolean(), one.toPrettyString());
            String reason = one.get("reason").asText();
            assertTrue(reason.startsWith("no progress: an actor kept the only carrier while the actor it waited for "
                    + "never ran (1 carrier, "), reason);
            long limit = one.get("watchdogMillis").asLong();
            assertTrue(reason.contains("within " + limit + " ms"), "the limit that decided it: " + reason);
            assertEquals(1, count(one, "NO_PROGRESS"), "its own outcome: " + one.toPrettyString());
        }
        assertEquals(150 + 1000, runOf("Fixture_09_SpinUntilWritten", "virtual", 1).get("watchdogMillis").asLong(),
                "a round not done at budget plus grace");
    }

    @Test
    void withACarrierForEachTheyEnd() {
        for (JsonNode r : new JsonNode[]{runOf("Fixture_09_SpinUntilWritten", "platform", null),
                runOf("Fixture_09_SpinUntilWritten", "virtual", 2)}) {
            assertEquals("PASSED", r.get("verdict").asText(), r.toPrettyString());
            assertNull(r.get("noProgress"), r.toPrettyString());
            assertTrue(count(r, "1") > 1000, "rounds of 10,240 samples: " + r.toPrettyString());
            assertEquals(r.get("samples").asLong(), count(r, "1"), "the spinner always saw the write");
        }
        for (JsonNode r : new JsonNode[]{runOf("Fixture_07_Termination", "platform", null),
                runOf("Fixture_07_Termination", "virtual", 2)}) {
            assertEquals("PASSED", r.get("verdict").asText(), r.toPrettyString());
            assertTrue(count(r, "TERMINATED") > 0, "JCStress's outcome: " + r.toPrettyString());
            assertEquals(0, count(r, "STALE"), "the flag is volatile: " + r.toPrettyString());
        }
    }

    @Test
    void theRunGoesOnInAFreshJvmAndEndsWellWithNoProcessLeft() throws IOException {
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        JsonNode v = bundle.get("vrace");
        assertTrue(v.get("complete").asBoolean(), v.toPrettyString());
        assertEquals(1000, v.get("graceMillis").asLong());
        // on one carrier both spinners got stuck, the termination test first: the spinning test after it
        // ran in a fresh JVM; after it, the last, none was needed
        try (Stream<Path> raw = Files.list(StressRunTest.folderUnder(out).resolve("raw"))) {
            assertEquals(1, raw.filter(p -> p.getFileName().toString().startsWith("vrace-virtual-1.restart-")).count(),
                    "a fresh JVM after the first stuck test");
        }
        assertTrue(runOf("Fixture_09_SpinUntilWritten", "virtual", 1).get("noProgress").asBoolean());
        assertEquals("PASSED", runOf("Fixture_04_RacyCounter", "virtual", 1).get("verdict").asText());
        assertTrue(run.out().contains("NO PROGRESS"), run::toString);
        assertTrue(seconds < 60, "each stuck test ended by its own watchdog, in " + seconds + " s in all");
        assertFalse(ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive), "no JVM left");
    }

    private static JsonNode runOf(String test, String threads, Integer carriers) {
        for (JsonNode t : bundle.at("/vrace/tests")) {
            if (!t.get("name").asText().endsWith(test)) {
                continue;
            }
            for (JsonNode r : t.get("runs")) {
                boolean sameCarriers = carriers == null ? !r.has("carriers") : r.path("carriers").asInt() == carriers;
                if (r.get("threads").asText().equals(threads) && sameCarriers) {
                    return r;
                }
            }
        }
        throw new AssertionError("no run of " + test + " " + threads + "/" + carriers);
    }

    private static long count(JsonNode run, String outcome) {
        for (JsonNode o : run.get("outcomes")) {
            if (o.get("id").asText().equals(outcome)) {
                return o.get("count").asLong();
            }
        }
        return 0;
    }
}
