package org.racelab.harness.cli;

import org.racelab.harness.TwoCpus;
import org.racelab.harness.run.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.bundle.Json;
import org.racelab.harness.report.JUnitXml;
import org.w3c.dom.Element;

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
 * Real JCStress runs through the CLI on the fixtures that stand for a user's faulty suite: a
 * FORBIDDEN outcome, a JVM that dies, a JVM that hangs. Each test reads the bundle the run wrote.
 */
class StressRunTest {

    @TempDir
    static Path out;

    @BeforeEach
    void needsTwoCpus() {
        TwoCpus.assume();
    }

    @Test
    void aForbiddenOutcomeFailsTheRun() throws Exception {
        CliRun run = fixture("AlwaysForbidden", "forbidden");
        assertEquals(ExitCode.FAILURE, run.exitCode(), run::toString);
        JsonNode t = test(bundleUnder(out.resolve("forbidden")), "Fixture_01_AlwaysForbidden");
        assertEquals("FAILED", t.get("verdict").asText());
        assertTrue(t.get("reason").asText().contains("Observed forbidden state: 1"));
        assertTrue(bundleUnder(out.resolve("forbidden")).get("complete").asBoolean(),
                "a failed test is a result, not a broken run");
        // the junit.xml this real run wrote, read back as a CI server reads it
        Element suite = JUnitXml.suite(folderUnder(out.resolve("forbidden")).resolve("junit.xml"), "racelab.stress");
        int cases = suite.getElementsByTagName("testcase").getLength();
        assertTrue(cases >= 1, "one case per JVM configuration: " + cases);
        assertEquals(String.valueOf(cases), suite.getAttribute("failures"), "every configuration saw the forbidden 1");
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals(cases, JUnitXml.casesWith(suite, "failure"));
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        assertEquals("FORBIDDEN", failure.getAttribute("type"));
        assertTrue(failure.getAttribute("message").startsWith("FORBIDDEN outcome [1] seen "), failure.getAttribute("message"));
        assertTrue(((Element) failure.getParentNode()).getAttribute("classname").endsWith("Fixture_01_AlwaysForbidden"));
    }

    @Test
    void aCrashedJvmIsATestErrorAndTheRunStillWritesItsBundle() throws Exception {
        CliRun run = fixture("VmCrash", "crash");
        assertEquals(ExitCode.FAILURE, run.exitCode(), run::toString);
        JsonNode t = test(bundleUnder(out.resolve("crash")), "Fixture_02_VmCrash");
        assertEquals("ERROR", t.get("verdict").asText());
        assertTrue(t.get("reason").asText().startsWith("VM_ERROR"), t.toPrettyString());
        Element suite = JUnitXml.suite(folderUnder(out.resolve("crash")).resolve("junit.xml"), "racelab.stress");
        assertEquals("0", suite.getAttribute("failures"));
        int errors = JUnitXml.casesWith(suite, "error");
        assertTrue(errors >= 1, "the crashed JVM is an error");
        assertEquals(String.valueOf(errors), suite.getAttribute("errors"));
        Element error = (Element) suite.getElementsByTagName("error").item(0);
        assertTrue(((Element) error.getParentNode()).getAttribute("classname").endsWith("Fixture_02_VmCrash"));
        // the fork's own message: the fixture's JVM exits with code 42
        assertTrue(error.getAttribute("message").contains("error code 42"), error.getAttribute("message"));
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
