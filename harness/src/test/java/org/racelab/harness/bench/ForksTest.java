package org.racelab.harness.bench;

import org.junit.jupiter.api.Test;
import org.racelab.harness.bundle.BenchFork;
import org.racelab.harness.bundle.BenchRatio;
import org.racelab.harness.bundle.BenchScore;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each fork's score, and the verdict on whether the forks agree. */
class ForksTest {

    private static final BenchScore POOLED = new BenchScore(1.7, 0.2, "us/op");

    /** The case: one fork at 0.6 us, two at 2.2-2.4 us, each steady within itself. */
    @Test
    void forksSteadyInDifferentModesAreBimodal() {
        BenchScore s = Forks.of(POOLED, List.of(
                new double[]{0.61, 0.60, 0.62, 0.61, 0.63, 0.60},
                new double[]{2.20, 2.25, 2.22, 2.18, 2.24, 2.21},
                new double[]{2.38, 2.40, 2.36, 2.39, 2.37, 2.38}));
        assertTrue(s.forksDisagree());
        assertEquals(3, s.forks().size());
        assertEquals(0.6117, s.forks().get(0).score(), 1e-3);
        assertNotNull(s.forks().get(0).error());
        assertEquals(0.60, s.lowestFork(), 0.02);
        assertEquals(2.38, s.highestFork(), 0.01);
        assertEquals(1.7, s.score(), "the pooled score is kept as JMH gave it");
    }

    /** Noisy forks whose intervals overlap are one mode: JMH's pooled error speaks for them. */
    @Test
    void noisyForksThatOverlapAreNotBimodal() {
        BenchScore s = Forks.of(POOLED, List.of(
                new double[]{2.5, 5.6, 2.4, 5.7, 2.6, 5.5},
                new double[]{5.6, 2.5, 5.4, 2.7, 5.5, 2.4},
                new double[]{2.9, 3.1, 3.0, 4.9, 5.0, 2.8}));
        assertFalse(s.forksDisagree());
        assertEquals(Boolean.FALSE, s.bimodal());
    }

    @Test
    void aForkOfTwoIterationsHasNoErrorAndCannotDisagree() {
        BenchScore s = Forks.of(POOLED, List.of(new double[]{0.6, 0.61}, new double[]{2.4, 2.41}));
        assertNull(s.forks().get(0).error());
        assertFalse(s.forksDisagree());
        assertFalse(Forks.disagree(List.of(new BenchFork(1, 0.1))), "one fork");
    }

    @Test
    void aRatioWithABimodalSideIsTheRangeOfItsForks() {
        BenchScore subject = Forks.of(new BenchScore(1.7, 0.2, "us/op"), List.of(
                new double[]{0.61, 0.60, 0.62}, new double[]{2.38, 2.40, 2.36}));
        BenchScore baseline = Forks.of(new BenchScore(82, 1.0, "us/op"), List.of(
                new double[]{81, 82, 83}, new double[]{82, 83, 81}));
        RatioQuestion q = new RatioQuestion("start+join", "A.v", "A.p", Map.of());
        var result = new org.racelab.harness.bundle.BenchResult("A.v", "x.A.v", "avgt", "latency", "virtual", Map.of(),
                subject, 6, null, "25", "vm", "v", List.of());
        var base = new org.racelab.harness.bundle.BenchResult("A.p", "x.A.p", "avgt", "latency", "platform", Map.of(),
                baseline, 6, null, "25", "vm", "v", List.of());
        BenchRatio r = Ratios.ratio(q, result, base).orElseThrow();
        assertTrue(r.bimodal());
        assertEquals(0.61 / 82, r.low(), 1e-4);
        assertEquals(2.38 / 82, r.high(), 1e-4);
        double[] advantage = r.advantageRange();
        assertEquals(82 / 2.38, advantage[0], 0.01);
        assertEquals(82 / 0.61, advantage[1], 0.1);
        BenchRatio steady = Ratios.ratio(q, base, base).orElseThrow();
        assertFalse(steady.bimodal());
        assertNull(steady.advantageRange());
    }
}
