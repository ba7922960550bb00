package org.racelab.harness.cli;

import org.racelab.harness.TwoCpus;
import org.racelab.harness.run.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.report.JUnitXml;
import org.w3c.dom.Element;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The virtual-thread runner on the fixtures, one child JVM per configuration: platform threads,
 * virtual threads on 1 carrier, on 2 carriers (quick profile: 1 s per test and configuration, some millions of samples).
 */
class VraceRunTest {

    @TempDir
    static Path out;

    private static CliRun run;
    private static JsonNode bundle;

    @BeforeAll
    static void runTheFixtures() throws IOException {
        if (!TwoCpus.enough()) {
            return;
        }
        run = CliRun.of("vrace", "--profile", "quick", "--tests-jar", Path.of("target", "test-classes").toString(),
                "--case", "RacyCounter|AtomicCounter|Termination|ThrowingActor", "--carriers", "1,2",
                "--out", out.toString());
        bundle = StressRunTest.bundleUnder(out);
    }

    @BeforeEach
    void needsTwoCpus() {
        TwoCpus.assume();
    }

    @Test
    void aThrowingActorIsATestErrorAndFailsTheRun() throws Exception {
        assertEquals(ExitCode.FAILURE, run.exitCode(), run::toString);
        assertEquals(3, testNode("Fixture_08_ThrowingActor").get("runs").size(), "platform, 1 and 2 carriers");
        for (JsonNode r : testNode("Fixture_08_ThrowingActor").get("runs")) {
            assertEquals("ERROR", r.get("verdict").asText());
            assertTrue(r.get("reason").asText().contains("actor1 always throws"), r.toPrettyString());
        }
        // the junit.xml this real run wrote: the three errors; the termination test now runs (no skip)
        Element suite = JUnitXml.suite(StressRunTest.folderUnder(out).resolve("junit.xml"), "racelab.vrace");
        assertEquals("12", suite.getAttribute("tests"), "4 tests in 3 configurations");
        assertEquals("3", suite.getAttribute("errors"));
        assertEquals(3, JUnitXml.casesWith(suite, "error"));
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("skipped"));
        Element error = (Element) suite.getElementsByTagName("error").item(0);
        assertTrue(((Element) error.getParentNode()).getAttribute("classname").endsWith("Fixture_08_ThrowingActor"));
        assertTrue(error.getAttribute("message").contains("actor1 always throws"), error.getAttribute("message"));
    }

    @Test
    void withOneCarrierTheLostUpdateNeverHappens() {
        // Deterministic: one carrier runs one virtual thread at a time, and a virtual thread that
        // never blocks is never taken off its carrier, so each increment runs whole.
        JsonNode oneCarrier = runOf("Fixture_04_RacyCounter", "virtual", 1);
        assertEquals("PASSED", oneCarrier.get("verdict").asText());
        assertTrue(oneCarrier.get("samples").asLong() > 10_000, oneCarrier.toPrettyString());
        assertFalse(oneCarrier.get("raceObserved") != null && oneCarrier.get("raceObserved").asBoolean());
        assertEquals(0, count(oneCarrier, "1"), oneCarrier.toPrettyString());
    }

    @Test
    void onPlatformThreadsTheLostUpdateIsObserved() {
        // Measured on 2 vCPUs: 1-68 % of the samples lose an update, millions of samples per second
        // on a quiet machine; under a load of 20 (other builds), 20,480 samples and 13 % lost. Two
        // Rounds of 10,240 with none lost would mean the two actors never ran at the same time.
        JsonNode platform = runOf("Fixture_04_RacyCounter", "platform", null);
        assertTrue(platform.get("samples").asLong() >= 10_240, platform.toPrettyString());
        assertTrue(count(platform, "1") > 0, platform.toPrettyString());
    }

    @Test
    void theFixedCounterNeverShowsAForbiddenOutcome() {
        assertEquals(3, testNode("Fixture_05_AtomicCounter").get("runs").size());
        for (JsonNode r : testNode("Fixture_05_AtomicCounter").get("runs")) {
            assertEquals("PASSED", r.get("verdict").asText(), r.toPrettyString());
            assertTrue(r.get("samples").asLong() > 0);
        }
    }

    @Test
    void aTerminationTestRunsAndOnOneCarrierMakesNoProgress() {
        assertEquals(3, testNode("Fixture_07_Termination").get("runs").size());
        for (JsonNode r : testNode("Fixture_07_Termination").get("runs")) {
            assertEquals("PASSED", r.get("verdict").asText(), r.toPrettyString());
        }
        assertTrue(count(runOf("Fixture_07_Termination", "platform", null), "TERMINATED") > 0);
        assertTrue(count(runOf("Fixture_07_Termination", "virtual", 2), "TERMINATED") > 0);
        JsonNode one = runOf("Fixture_07_Termination", "virtual", 1);
        assertEquals(1, count(one, "NO_PROGRESS"), one.toPrettyString());
        assertEquals(0, count(one, "TERMINATED"), "the signaller never ran: " + one.toPrettyString());
    }

    @Test
    void theSectionSaysWhatRan() {
        JsonNode v = bundle.get("vrace");
        assertTrue(v.get("complete").asBoolean(), v.toPrettyString());
        assertEquals("[1,2]", v.get("carriers").toString());
        assertEquals(4, v.get("tests").size());
        assertTrue(run.out().contains("VIRTUAL, 1 CARRIER"), run::toString);
    }

    private static JsonNode testNode(String name) {
        for (JsonNode t : bundle.at("/vrace/tests")) {
            if (t.get("name").asText().endsWith(name)) {
                return t;
            }
        }
        throw new AssertionError("no " + name);
    }

    private static JsonNode runOf(String test, String threads, Integer carriers) {
        for (JsonNode r : testNode(test).get("runs")) {
            boolean sameCarriers = carriers == null ? !r.has("carriers") : r.path("carriers").asInt() == carriers;
            if (r.get("threads").asText().equals(threads) && sameCarriers) {
                return r;
            }
        }
        throw new AssertionError("no run " + threads + "/" + carriers);
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
