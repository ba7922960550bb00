package org.racelab.harness.stats;

import java.util.Arrays;

/**
 * Percentiles of measured values, by linear interpolation between the two nearest ranks
 * (the "R-7" rule of spreadsheets and NumPy's default), so the median of an even count is the
 * mean of the middle two.
 */
public final class Percentiles {

    private final double[] sorted;

    public Percentiles(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    public int count() {
        return sorted.length;
    }

    /** The {@code p}-th percentile, {@code p} in [0, 100]; NaN when there are no values. */
    public double at(double p) {
        if (p < 0 || p > 100 || Double.isNaN(p)) {
            throw new IllegalArgumentException("a percentile lies in [0, 100], not " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double rank = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    public double median() {
        return at(50);
    }

    public double mean() {
        return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).sum() / sorted.length;
    }
}
