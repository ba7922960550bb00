package org.racelab.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.bundle.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real JCStress runs through the CLI: the whole catalog at the smoke profile (one JVM
 * configuration, one 100 ms iteration per test: about a minute on 2 vCPUs), and the fixtures that
 * stand for a user's faulty suite. Each test reads the bundle the run wrote.
 */
class StressRunTest {

    @TempDir
    static Path out;

    private static CliRun catalogRun;
    private static JsonNode catalogBundle;

    @BeforeAll
    static void runTheWholeCatalogAtSmoke() throws IOException {
        catalogRun = CliRun.of("stress", "--profile", "smoke", "--out", out.resolve("catalog").toString());
        catalogBundle = bundleUnder(out.resolve("catalog"));
    }

    @Test
    void theCatalogRunsCleanAndTheBundleHoldsEveryTest() {
        assertEquals(ExitCode.OK, catalogRun.exitCode(), catalogRun::toString);
        JsonNode b = catalogBundle;
        assertEquals("racelab.bundle/1", b.get("schema").asText());
        assertTrue(b.get("complete").asBoolean(), b.toPrettyString());
        assertEquals("smoke", b.get("profile").asText());
        assertTrue(b.at("/machine/availableProcessors").asInt() > 0);
        assertFalse(b.at("/machine/jvm/version").asText().isEmpty());
        JsonNode tests = b.at("/stress/tests");
        assertTrue(tests.size() >= 20, "the catalog has all its cases: " + tests.size());
        for (JsonNode t : tests) {
            String verdict = t.get("verdict").asText();
            String name = t.get("name").asText();
            if (verdict.equals("SKIPPED")) {
                assertTrue(t.get("actors").asInt() > b.at("/machine/availableProcessors").asInt(), name);
                assertTrue(t.get("reason").asText().contains("CPUs"), name);
                continue;
            }
            assertEquals("PASSED", verdict, name + ": " + t.path("reason").asText());
            assertTrue(t.get("samples").asLong() > 0, name);
            assertFalse(t.get("configs").isEmpty(), name);
            assertTrue(t.has("lesson") && t.has("kind"), name);
            for (JsonNode o : t.get("outcomes")) {
                assertTrue(o.has("id") && o.has("count") && o.has("expect"), name);
            }
        }
    }

    @Test
    void theLostUpdateIsCaughtEvenAtSmoke() {
        // Measured here: 10-33 % of 0.5-2.8 M samples lose an update at smoke; zero races in
        // hundreds of thousands of samples would mean the actors never ran together.
        JsonNode plain = test(catalogBundle, "LostUpdate.Plain");
        assertTrue(plain.get("raceObserved").asBoolean(), plain.toPrettyString());
        assertTrue(plain.get("raceSamples").asLong() > 0);
        assertEquals("racy", plain.get("kind").asText());
    }

    @Test
    void jcstressOwnReportAndLogAreKeptUnderRaw() {
        Path folder = folderUnder(out.resolve("catalog"));
        assertEquals("raw/jcstress/index.html", catalogBundle.at("/stress/rawReport").asText());
        assertTrue(Files.isRegularFile(folder.resolve("raw/jcstress/index.html")));
        assertTrue(Files.isRegularFile(folder.resolve("raw/jcstress-console.log")));
        assertTrue(catalogRun.out().contains("Race seen in"), catalogRun::toString);
    }

    @Test
    void aForbiddenOutcomeFailsTheRun() throws IOException {
        CliRun run = fixture("AlwaysForbidden", "forbidden");
        assertEquals(ExitCode.FAILURE, run.exitCode(), run::toString);
        JsonNode t = test(bundleUnder(out.resolve("forbidden")), "Fixture_01_AlwaysForbidden");
        assertEquals("FAILED", t.get("verdict").asText());
        assertTrue(t.get("reason").asText().contains("Observed forbidden state: 1"));
        assertTrue(bundleUnder(out.resolve("forbidden")).get("complete").asBoolean(),
                "a failed test is a result, not a broken run");
    }

    @Test
    void aCrashedJvmIsATestErrorAndTheRunStillWritesItsBundle() throws IOException {
        CliRun run = fixture("VmCrash", "crash");
        assertEquals(ExitCode.FAILURE, run.exitCode(), run::toString);
        JsonNode t = test(bundleUnder(out.resolve("crash")), "Fixture_02_VmCrash");
        assertEquals("ERROR", t.get("verdict").asText());
        assertTrue(t.get("reason").asText().startsWith("VM_ERROR"), t.toPrettyString());
    }

    @Test
    void aHungJvmIsStoppedByTheWatchdogAndLeavesNoProcessBehind() throws IOException {
        CliRun run = fixture("Hang", "hang", "--timeout", "30");
        assertEquals(ExitCode.FAILURE, run.exitCode(), run::toString);
        JsonNode b = bundleUnder(out.resolve("hang"));
        assertFalse(b.get("complete").asBoolean());
        assertTrue(b.get("incomplete").get(0).asText().contains("did not finish within 30 s"), b.toPrettyString());
        assertEquals("NOT_RUN", test(b, "Fixture_03_Hang").get("verdict").asText());
        List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        assertTrue(left.isEmpty(), "processes left behind: " + left);
    }

    private static CliRun fixture(String name, String folder, String... more) {
        List<String> args = new ArrayList<>(List.of("stress", "--profile", "smoke",
                "--tests-jar", Path.of("target", "test-classes").toString(), "--case", name,
                "--out", out.resolve(folder).toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    static Path folderUnder(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            List<Path> folders = s.toList();
            assertEquals(1, folders.size(), "one run folder under " + root + ": " + folders);
            return folders.get(0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode bundleUnder(Path root) throws IOException {
        return Json.mapper().readTree(folderUnder(root).resolve("bundle.json").toFile());
    }

    static JsonNode test(JsonNode bundle, String nameEnd) {
        for (JsonNode t : bundle.at("/stress/tests")) {
            if (t.get("name").asText().endsWith(nameEnd)) {
                return t;
            }
        }
        throw new AssertionError("no test ending in " + nameEnd);
    }
}
