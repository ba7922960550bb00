package org.racelab.harness.compare;

import org.apache.commons.statistics.inference.BinomialTest;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.inference.SignificanceResult;

import java.util.List;
import java.util.Locale;

/**
 * Whether race rates measured on different machines differ by more than chance, with a test
 * that is valid, and quick, at the sizes a run reaches (10^10 samples and more). All from
 * Apache Commons Statistics; a difference is called meaningful at p &lt; {@value #ALPHA}.
 * <ul>
 *   <li>two machines, with at most {@value #FISHER_MAX_RARE} samples in the rarer column (race or
 *       no race) and a table that fits an int: Fisher's exact test (two-sided) on the 2x2 table
 *       of race / no-race samples. Its cost grows with the rarer column: half a second at a
 *       million, minutes at a billion, so it is kept to where the others are not valid;</li>
 *   <li>otherwise, where every expected count is at least 5: Pearson's chi-square test of
 *       homogeneity (for any number of machines), valid at these sizes and a sum in a long;</li>
 *   <li>two machines beyond Fisher's range with a rare column too small for chi-square: the
 *       conditional binomial test, the exact test of two Poisson rates (given k rare samples in
 *       all, the first machine's share of them is Binomial(k, its share of the samples)), which
 *       is what Fisher's test becomes when the samples far outnumber the rare ones.</li>
 * </ul>
 */
public final class RateTest {

    public static final double ALPHA = 0.01;
    /** Which test judges a row, in one sentence for the pages. */
    public static final String WHICH = "Fisher's exact test for two machines with at most 100,000 race (or no-race) "
            + "samples; past that Pearson's chi-square, or the conditional binomial test where an expected count is "
            + "below 5; chi-square for more machines";
    /** The most samples in the rarer column for which Fisher's exact test is run (0.1 s here). */
    static final long FISHER_MAX_RARE = 100_000;
    /** The smallest expected count for which chi-square's approximation is trusted. */
    static final double CHI_SQUARE_MIN_EXPECTED = 5;

    /** @param test the test's name; {@code p} its p-value */
    public record Result(String test, double p) {

        public boolean meaningful() {
            return p < ALPHA;
        }

        public String text() {
            if (Double.isNaN(p)) {
                return test;
            }
            if (p < Double.MIN_NORMAL) {
                return test + " p<1e-300";
            }
            String pv = p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
            return test + " p=" + pv;
        }
    }

    private RateTest() {
    }

    /** The test on observed/total per machine (each total above 0, observed at most total); at least two machines. */
    public static Result of(List<long[]> observedAndTotal) {
        if (observedAndTotal.size() < 2) {
            throw new IllegalArgumentException("a test needs two machines");
        }
        try {
            return test(observedAndTotal);
        } catch (ArithmeticException e) {
            // no run samples 2^63 times (at 10^9 a second that takes 292 years): a made-up bundle
            return new Result("no test (sample counts beyond 2^63)", Double.NaN);
        }
    }

    private static Result test(List<long[]> observedAndTotal) {
        int n = observedAndTotal.size();
        long[][] table = new long[n][2];
        long[] rowSum = new long[n];
        long raceAll = 0;
        long noRaceAll = 0;
        for (int i = 0; i < n; i++) {
            long observed = observedAndTotal.get(i)[0];
            long total = observedAndTotal.get(i)[1];
            table[i][0] = observed;
            table[i][1] = total - observed;
            rowSum[i] = total;
            raceAll = Math.addExact(raceAll, observed);
            noRaceAll = Math.addExact(noRaceAll, total - observed);
        }
        if (raceAll == 0 || noRaceAll == 0) {
            // every machine never (or always) saw it: the rates are the same, exactly
            return new Result(n == 2 ? "Fisher" : "chi-square", 1.0);
        }
        long sum = Math.addExact(raceAll, noRaceAll);
        int rare = raceAll <= noRaceAll ? 0 : 1;
        long rareAll = Math.min(raceAll, noRaceAll);
        if (n == 2 && sum <= Integer.MAX_VALUE && rareAll <= FISHER_MAX_RARE) {
            int[][] t = {{(int) table[0][0], (int) table[0][1]}, {(int) table[1][0], (int) table[1][1]}};
            return new Result("Fisher", FisherExactTest.withDefaults().test(t).getPValue());
        }
        double minExpected = Double.MAX_VALUE;
        for (long r : rowSum) {
            // the smallest expected count is in the rarer column
            minExpected = Math.min(minExpected, (double) r * rareAll / sum);
        }
        if (n == 2 && minExpected < CHI_SQUARE_MIN_EXPECTED && rareAll <= Integer.MAX_VALUE) {
            double share = (double) rowSum[0] / sum;
            SignificanceResult r = BinomialTest.withDefaults().test((int) rareAll, (int) table[0][rare], share);
            return new Result("conditional binomial", r.getPValue());
        }
        return new Result("chi-square", ChiSquareTest.withDefaults().test(table).getPValue());
    }
}
