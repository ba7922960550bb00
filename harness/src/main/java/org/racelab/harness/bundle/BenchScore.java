package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A JMH score: the mean over the measured iterations of every fork, and JMH's error, the
 * half-width of its 99.9% confidence interval (null when JMH could not compute one, e.g. from one
 * iteration).
 *
 * @param forks   each fork's own score, in fork order (null when the score has none, e.g. a
 *                secondary result, or a bundle from before forks were kept)
 * @param bimodal true when two forks disagree beyond their own errors: their 99.9% intervals do
 *                not overlap. Each fork then measured a different mode of the same code (a JIT
 *                decision, a carrier arrangement), and the pooled score with its error is not a
 *                figure to quote: the range of the forks is. Null when not known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchScore(double score, Double error, String unit, List<BenchFork> forks, Boolean bimodal) {

    public BenchScore {
        unit = Records.text(unit);
        forks = forks == null ? null : Records.list(forks);
    }

    public BenchScore(double score, Double error, String unit) {
        this(score, error, unit, null, null);
    }

    /** Non-finite errors (JMH's NaN for a single iteration) become null: JSON has no NaN. */
    public static BenchScore of(double score, double error, String unit) {
        return new BenchScore(score, Double.isFinite(error) ? error : null, unit);
    }

    /** This score with each fork's, and the verdict on them. */
    public BenchScore withForks(List<BenchFork> forks, boolean bimodal) {
        return new BenchScore(score, error, unit, forks, bimodal);
    }

    /** The error as a share of the score, or NaN when there is none. */
    public double relativeError() {
        return error == null || score == 0 ? Double.NaN : Math.abs(error / score);
    }

    public boolean forksDisagree() {
        return Boolean.TRUE.equals(bimodal);
    }

    /** The lowest fork's score, or the score itself when forks are not known. */
    public double lowestFork() {
        return forks == null || forks.isEmpty() ? score : forks.stream().mapToDouble(BenchFork::score).min().orElse(score);
    }

    /** The highest fork's score, or the score itself when forks are not known. */
    public double highestFork() {
        return forks == null || forks.isEmpty() ? score : forks.stream().mapToDouble(BenchFork::score).max().orElse(score);
    }
}
