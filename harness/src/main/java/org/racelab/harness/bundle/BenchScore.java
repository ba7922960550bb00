package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A JMH score: the mean over the measured iterations, and JMH's error, the half-width of its
 * 99.9% confidence interval (null when JMH could not compute one, e.g. from one iteration).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchScore(double score, Double error, String unit) {

    public BenchScore {
        unit = Records.text(unit);
    }

    /** Non-finite errors (JMH's NaN for a single iteration) become null: JSON has no NaN. */
    public static BenchScore of(double score, double error, String unit) {
        return new BenchScore(score, Double.isFinite(error) ? error : null, unit);
    }

    /** The error as a share of the score, or NaN when there is none. */
    public double relativeError() {
        return error == null || score == 0 ? Double.NaN : Math.abs(error / score);
    }
}
