package org.racelab.harness.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;


import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
