package org.racelab.harness.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;


import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench section is plain JSON (no NaN) and reads back as it was written. */
public class BenchSectionJsonTest {

    public static BenchSection sampleForReport() {
        return sample();
    }

    static BenchSection sample() {
        BenchScore virtual = BenchScore.of(0.83, 0.04, "us/op");
        BenchScore platform = BenchScore.of(91.2, 20.0, "us/op");
        BenchResult v = new BenchResult("ThreadStartJoin.virtualFromVirtual",
                "org.racelab.bench.start.ThreadStartJoin.virtualFromVirtual", "avgt", "latency", "virtual", Map.of(),
                virtual, 12, Map.of("tasks", BenchScore.of(1, Double.NaN, "ops/s")), "25.0.3", "OpenJDK 64-Bit Server VM",
                "25.0.3+9", List.of("-Djmh.executor=VIRTUAL", "-Xms1g", "-Xmx1g"));
        BenchRatio ratio = new BenchRatio("q", "ThreadStartJoin.virtualFromVirtual", "ThreadStartJoin.platformFromPlatform",
                Map.of(), "latency", "us/op", virtual, platform, 0.0091, null, 110, null, true);
        return new BenchSection("jmh 1.37", ".*", 2, "25.0.3", "OpenJDK 64-Bit Server VM", new JmhIterations(1, 3, 200, 12, 200),
                2, false, "1 of 2 benchmarks failed", 12.5, "raw/jmh-result.json", "raw/jmh-console.log",
                List.of(v), List.of(ratio), List.of(new BenchFailure("ProcessVsThreadStart.process",
                Map.of("command", "nope"), "java.io.IOException: Cannot run program \"nope\"")));
    }

    /** start+join measured in three forks, one of which landed in another mode. */
    public static BenchSection sampleBimodal() {
        BenchScore virtual = new BenchScore(1.74, 0.3, "us/op", List.of(new BenchFork(0.612, 0.02),
                new BenchFork(2.22, 0.08), new BenchFork(2.38, 0.05)), true);
        BenchScore platform = new BenchScore(82.9, 1.3, "us/op", List.of(new BenchFork(82.1, 2.0),
                new BenchFork(83.0, 1.9), new BenchFork(83.6, 2.2)), false);
        BenchResult v = new BenchResult("ThreadStartJoin.virtualFromVirtual",
                "org.racelab.bench.start.ThreadStartJoin.virtualFromVirtual", "avgt", "latency", "virtual", Map.of(),
                virtual, 18, null, "25.0.3", "OpenJDK 64-Bit Server VM", "25.0.3+9", List.of("-Djmh.executor=VIRTUAL"));
        BenchResult p = new BenchResult("ThreadStartJoin.platformFromPlatform",
                "org.racelab.bench.start.ThreadStartJoin.platformFromPlatform", "avgt", "latency", "platform", Map.of(),
                platform, 18, null, "25.0.3", "OpenJDK 64-Bit Server VM", "25.0.3+9", List.of());
        BenchRatio ratio = new BenchRatio("start+join, all virtual vs all platform", "ThreadStartJoin.virtualFromVirtual",
                "ThreadStartJoin.platformFromPlatform", Map.of(), "latency", "us/op", virtual, platform, 1.74 / 82.9, 0.004,
                82.9 / 1.74, 8.0, true, 0.612 / 83.6, 2.38 / 82.1);
        return new BenchSection("jmh 1.37", ".*", 2, "25.0.3", "OpenJDK 64-Bit Server VM", new JmhIterations(1, 4, 200, 10, 200),
                2, true, null, 60, "raw/jmh-result.json", "raw/jmh-console.log", List.of(v, p), List.of(ratio), List.of(),
                new JmhIterations(3, 3, 200, 6, 200));
    }

    @Test
    void forksRoundTrip() throws Exception {
        ObjectMapper json = Json.mapper();
        BenchSection s = sampleBimodal();
        String text = json.writeValueAsString(s);
        assertEquals(s, json.readValue(text, BenchSection.class));
        assertTrue(text.contains("\"forks\":[{\"score\":0.612,\"error\":0.02}"), text);
        assertTrue(text.contains("\"bimodal\":true"), text);
        assertTrue(text.contains("\"headlineBudget\":{\"forks\":3"), text);
    }

    /** A bundle written before forks were kept reads as one with no forks known, not as one mode. */
    @Test
    void aScoreWithoutForksReadsAsUnknown() throws Exception {
        BenchScore old = Json.mapper().readValue("{\"score\":0.6,\"error\":0.1,\"unit\":\"us/op\"}", BenchScore.class);
        assertNull(old.forks());
        assertNull(old.bimodal());
        assertFalse(old.forksDisagree());
        assertEquals(0.6, old.lowestFork());
    }

    @Test
    void roundTrips() throws Exception {
        ObjectMapper json = Json.mapper();
        BenchSection s = sample();
        String text = json.writeValueAsString(s);
        assertFalse(text.contains("NaN"), text);
        assertEquals(s, json.readValue(text, BenchSection.class));
    }

    @Test
    void theBundleCarriesItAfterTheStressSection() throws Exception {
        Bundle b = Bundle.start("0.1.0", "bench", "quick", Map.of(), "t0", null)
                .withBench(sample()).finish("t1", List.of());
        Bundle back = Json.mapper().readValue(Json.mapper().writeValueAsString(b), Bundle.class);
        assertEquals(sample(), back.bench());
        assertEquals(null, back.stress());
    }
}
