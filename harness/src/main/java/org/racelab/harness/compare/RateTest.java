package org.racelab.harness.compare;

import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.inference.SignificanceResult;

import java.util.List;
import java.util.Locale;

/**
 * Whether race rates measured on different machines differ by more than chance: for two
 * machines, Fisher's exact test (two-sided) on the 2x2 table of race / no-race samples; for more
 * machines, or counts beyond what Fisher's test takes, Pearson's chi-square test of homogeneity.
 * Both from Apache Commons Statistics. A difference is called meaningful at p &lt; {@value #ALPHA}.
 */
public final class RateTest {

    public static final double ALPHA = 0.01;

    /** @param test the test's name; {@code p} its p-value */
    public record Result(String test, double p) {

        public boolean meaningful() {
            return p < ALPHA;
        }

        public String text() {
            if (p < Double.MIN_NORMAL) {
                return test + " p<1e-300";
            }
            String pv = p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
            return test + " p=" + pv;
        }
    }

    private RateTest() {
    }

    /** The test on observed/total per machine (each total above 0); at least two machines. */
    public static Result of(List<long[]> observedAndTotal) {
        if (observedAndTotal.size() < 2) {
            throw new IllegalArgumentException("a test needs two machines");
        }
        long raceAll = 0;
        long noRaceAll = 0;
        boolean fitsInt = true;
        long[][] table = new long[observedAndTotal.size()][2];
        for (int i = 0; i < table.length; i++) {
            long observed = observedAndTotal.get(i)[0];
            long total = observedAndTotal.get(i)[1];
            table[i][0] = observed;
            table[i][1] = total - observed;
            raceAll += observed;
            noRaceAll += total - observed;
            fitsInt &= total <= Integer.MAX_VALUE;
        }
        if (raceAll == 0 || noRaceAll == 0) {
            // every machine never (or always) saw it: the rates are the same, exactly
            return new Result(table.length == 2 ? "Fisher" : "chi-square", 1.0);
        }
        if (table.length == 2 && fitsInt) {
            int[][] t = {{(int) table[0][0], (int) table[0][1]}, {(int) table[1][0], (int) table[1][1]}};
            SignificanceResult r = FisherExactTest.withDefaults().test(t);
            return new Result("Fisher", r.getPValue());
        }
        return new Result("chi-square", ChiSquareTest.withDefaults().test(table).getPValue());
    }
}
