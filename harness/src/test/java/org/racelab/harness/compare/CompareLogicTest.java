package org.racelab.harness.compare;

import org.junit.jupiter.api.Test;
import org.racelab.harness.bundle.Fixtures;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** compare's words, flags and statistics, on known numbers and on two real bundles (2 CPUs, 1 CPU). */
class CompareLogicTest {

    @Test
    void litmusWords() {
        assertEquals(RaceWord.NEVER, RaceWord.of(0, 10));
        assertEquals(RaceWord.SOMETIMES, RaceWord.of(1, 10));
        assertEquals(RaceWord.ALWAYS, RaceWord.of(10, 10));
        assertThrows(IllegalArgumentException.class, () -> RaceWord.of(0, 0));
    }

    @Test
    void fishersExactTestOnAKnownTable() {
        // scipy.stats.fisher_exact([[8, 2], [1, 5]]) gives p = 0.03496503496503495
        RateTest.Result r = RateTest.of(List.of(new long[]{8, 10}, new long[]{1, 6}));
        assertEquals("Fisher", r.test());
        assertEquals(0.034965034965035, r.p(), 1e-12);
        assertFalse(r.meaningful(), "not below 0.01");
    }

    @Test
    void chiSquareForThreeMachines() {
        // 10/100, 20/100, 30/100: chi-square 12.5 on 2 degrees of freedom, p = exp(-6.25)
        RateTest.Result r = RateTest.of(List.of(new long[]{10, 100}, new long[]{20, 100}, new long[]{30, 100}));
        assertEquals("chi-square", r.test());
        assertEquals(Math.exp(-6.25), r.p(), 1e-12);
        assertTrue(r.meaningful());
    }

    @Test
    void aFewRaceSamplesInMillionsCanBeChance() {
        // 3 of 10 million against 0 of 10 million: "Sometimes" against "Never", but not beyond chance
        RateTest.Result r = RateTest.of(List.of(new long[]{3, 10_000_000}, new long[]{0, 10_000_000}));
        // all 3 in one half of 20 million, either half: 2 x C(10M,3)/C(20M,3), just under 1/4
        assertEquals(0.25, r.p(), 1e-6);
        Comparison.RaceRow row = Comparison.judge("C", "V", "racy", "x", List.of(
                new RaceCell(RaceCell.RAN, 3, 10_000_000, true, null),
                new RaceCell(RaceCell.RAN, 0, 10_000_000, true, null)), 2);
        assertEquals("differs", row.flag());
        assertTrue(row.why().contains("could be chance"), row.why());
    }

    @Test
    void rateTestsAtTenBillionSamples() {
        // 5e9 of 1e10 against 5.0001e9 of 1e10: chi-square = N(ad-bc)^2/(r1 r2 c1 c2) = 2.0 on 1 degree, p = erfc(1)
        RateTest.Result large = RateTest.of(List.of(new long[]{5_000_000_000L, 10_000_000_000L},
                new long[]{5_000_100_000L, 10_000_000_000L}));
        assertEquals("chi-square", large.test());
        assertEquals(0.15729920705028513, large.p(), 1e-9);
        // 3 race samples of 1e10 against none of 1e10: too few for chi-square, too many samples for Fisher;
        // given 3 races, each on M1 with probability 1/2: both tails of Binomial(3, 1/2) at 3, p = 2/8
        RateTest.Result rare = RateTest.of(List.of(new long[]{3, 10_000_000_000L}, new long[]{0, 10_000_000_000L}));
        assertEquals("conditional binomial", rare.test());
        assertEquals(0.25, rare.p(), 1e-12);
        // within an int but a billion in the rarer column: Fisher's test would take minutes, chi-square is valid
        RateTest.Result billion = RateTest.of(List.of(new long[]{500_000_000, 1_000_000_000},
                new long[]{500_000_000, 1_000_000_000}));
        assertEquals("chi-square", billion.test());
        assertEquals(1.0, billion.p(), 1e-12);
        // made-up counts that overflow a long: no test, and no exception
        RateTest.Result absurd = RateTest.of(List.of(new long[]{1, Long.MAX_VALUE}, new long[]{1, Long.MAX_VALUE}));
        assertFalse(absurd.meaningful());
        assertEquals("no test (sample counts beyond 2^63)", absurd.text());
    }

    @Test
    void aSkippedTestIsNotComparableAndNeverShownAsNever() {
        Comparison.RaceRow row = Comparison.judge("C", "V", "racy", "x", List.of(
                new RaceCell(RaceCell.RAN, 0, 1000, true, null),
                new RaceCell("SKIPPED", 0, 0, true, "needs 2 CPUs")), 2);
        assertEquals("not comparable", row.flag());
        assertEquals("SKIPPED", row.cells().get(1).text());
        assertEquals("Never 0/1,000", row.cells().get(0).text());
        assertTrue(row.why().contains("M2 SKIPPED: needs 2 CPUs"), row.why());
    }

    @Test
    void twoRealBundlesTwoCpusAndOne() {
        Comparison c = Comparison.of(List.of(Fixtures.read("bundle-2cpu.json"), Fixtures.read("bundle-1cpu.json")));
        assertTrue(c.machineDifferences().contains("CPUs available to the JVM: M1 2, M2 1"), c.machineDifferences().toString());
        Comparison.RaceRow lostUpdate = row(c, "Interleaving_01_LostUpdate", "Plain", "JCStress, platform threads");
        assertEquals("not comparable", lostUpdate.flag());
        assertEquals("SKIPPED", lostUpdate.cells().get(1).word());
        // on one CPU the platform threads of vrace interleave only where the OS switches them: never, in 0.15 s
        Comparison.RaceRow vrace = row(c, "Interleaving_01_LostUpdate", "Plain", "vrace, platform threads");
        assertEquals("differs", vrace.flag());
        assertEquals("Sometimes", vrace.cells().get(0).word());
        assertEquals("Never", vrace.cells().get(1).word());
        assertTrue(vrace.meaningful());
        Comparison.RaceRow oneCarrier = row(c, "Interleaving_01_LostUpdate", "Plain", "vrace, virtual, 1 carrier");
        assertEquals("", oneCarrier.flag(), "one carrier never races, on either machine");
        Comparison.RaceRow spin = row(c, "Visibility_01_SpinLoop", "PlainFlag", "JCStress, platform threads");
        assertEquals("", spin.flag(), "1 of 2 on both");
        assertEquals("-", row(c, "Interleaving_01_LostUpdate", "Plain", "vrace, virtual, 2 carriers").cells().get(1).word());
        assertFalse(c.sched().isEmpty());
        assertTrue(c.bench().isEmpty());
    }

    @Test
    void benchRatiosSideBySide() {
        Comparison c = Comparison.of(List.of(Fixtures.read("bundle-bench.json"), Fixtures.read("bundle-2cpu.json")));
        Comparison.FigureRow first = c.bench().get(0);
        assertEquals("ThreadStartJoin.virtualFromVirtual vs platformFromPlatform", first.label());
        assertTrue(first.values().get(0).startsWith("ratio 0.00808 ± 0.00412 (0.797 us/op vs 98.62 us/op)"), first.values().get(0));
        assertEquals("-", first.values().get(1));
    }

    private static Comparison.RaceRow row(Comparison c, String caseName, String variant, String config) {
        return c.races().stream().filter(r -> r.caseName().equals(caseName) && r.variant().equals(variant)
                && r.config().equals(config)).findFirst().orElseThrow();
    }

    /**
     * Two runs agree on a figure when their intervals overlap; a bimodal figure's interval is the
     * range its forks give, so a run whose single number fell in one mode agrees with it.
     */
    @Test
    void aBimodalRatioSpansItsForks() {
        org.racelab.harness.bundle.BenchRatio bimodal =
                org.racelab.harness.bundle.BenchSectionJsonTest.sampleBimodal().ratios().get(0);
        double[] range = BenchRows.interval(bimodal);
        org.junit.jupiter.api.Assertions.assertEquals(0.612 / 83.6, range[0], 1e-9);
        org.junit.jupiter.api.Assertions.assertEquals(2.38 / 82.1, range[1], 1e-9);
        double[] oneMode = {0.0073, 0.0075};   // a one-fork run that measured 0.612 us
        double[] otherMode = {0.027, 0.029};   // and one that measured 2.3 us
        org.junit.jupiter.api.Assertions.assertTrue(BenchRows.disjoint(java.util.List.of(oneMode, otherMode)),
                "the two single-fork runs contradict each other");
        org.junit.jupiter.api.Assertions.assertFalse(BenchRows.disjoint(java.util.List.of(range, oneMode)));
        org.junit.jupiter.api.Assertions.assertFalse(BenchRows.disjoint(java.util.List.of(range, otherMode)));
    }
}
