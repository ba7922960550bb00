package org.racelab.harness.bench;

import org.junit.jupiter.api.Test;
import org.racelab.harness.bundle.BenchRatio;
import org.racelab.harness.bundle.BenchResult;
import org.racelab.harness.bundle.BenchScore;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchRatiosTest {

    static BenchResult result(String name, String kind, Map<String, String> params, double score, Double error, String unit) {
        return new BenchResult(name, "org.racelab.bench.x." + name, kind.equals("latency") ? "avgt" : "thrpt", kind,
                "platform", params, new BenchScore(score, error, unit), 5, null, "25", "vm", "25+1", List.of());
    }

    static final RatioQuestion Q = new RatioQuestion("q", "X.virtual", "X.platform", Map.of("n", "10"));

    @Test
    void ratioAndItsUncertaintyForLatency() {
        // 2 +- 10% against 4 +- 7.5%: ratio 0.5, relative error sqrt(0.1^2 + 0.075^2) = 12.5%.
        List<BenchRatio> r = Ratios.of(List.of(Q), List.of(
                result("X.virtual", "latency", Map.of("n", "10"), 2.0, 0.2, "us/op"),
                result("X.platform", "latency", Map.of("n", "10"), 4.0, 0.3, "us/op")));
        assertEquals(1, r.size());
        BenchRatio ratio = r.get(0);
        assertEquals(0.5, ratio.ratio(), 1e-12);
        assertEquals(0.0625, ratio.ratioError(), 1e-12);
        assertEquals(2.0, ratio.advantage(), 1e-12, "latency: the subject is 2x cheaper");
        assertEquals(0.25, ratio.advantageError(), 1e-12);
        assertTrue(ratio.headline());
    }

    @Test
    void throughputAdvantageIsTheRatioItself() {
        BenchRatio ratio = Ratios.of(List.of(Q), List.of(
                result("X.virtual", "throughput", Map.of("n", "1"), 300, 30.0, "ops/s"),
                result("X.platform", "throughput", Map.of("n", "1"), 100, 0.0, "ops/s"))).get(0);
        assertEquals(3.0, ratio.ratio(), 1e-12);
        assertEquals(3.0, ratio.advantage(), 1e-12);
        assertEquals(0.3, ratio.advantageError(), 1e-12);
        assertFalse(ratio.headline(), "headline only at n=10");
    }

    @Test
    void noErrorFromASingleIteration() {
        BenchRatio ratio = Ratios.of(List.of(Q), List.of(
                result("X.virtual", "latency", Map.of(), 1, null, "us/op"),
                result("X.platform", "latency", Map.of(), 2, 0.1, "us/op"))).get(0);
        assertNull(ratio.ratioError());
        assertNull(ratio.advantageError());
    }

    @Test
    void onlyTheSameParametersAndUnitsArePaired() {
        assertEquals(List.of(), Ratios.of(List.of(Q), List.of(
                result("X.virtual", "latency", Map.of("n", "10"), 1, 0.1, "us/op"),
                result("X.platform", "latency", Map.of("n", "100"), 2, 0.1, "us/op"))));
        assertEquals(List.of(), Ratios.of(List.of(Q), List.of(
                result("X.virtual", "latency", Map.of(), 1, 0.1, "us/op"),
                result("X.platform", "latency", Map.of(), 2, 0.1, "ns/op"))));
    }

    @Test
    void relativeErrorsAddInQuadrature() {
        assertEquals(0.05, Ratios.relativeError(new BenchScore(10, 0.3, "x"), new BenchScore(10, 0.4, "x")), 1e-12);
        assertTrue(Double.isNaN(Ratios.relativeError(new BenchScore(10, null, "x"), new BenchScore(10, 0.4, "x"))));
    }
}
