package org.racelab.harness.report;

import java.util.List;
import java.util.Map;

/**
 * The bench section as a report reads it from {@code bundle.json}: JMH's scores and the
 * virtual/platform ratios drawn from them. The runner's own records live with the bench runner;
 * these mirror their field names ({@code BenchSection}, {@code BenchResult}, {@code BenchRatio},
 * {@code BenchScore}, {@code BenchFailure}), so the report reads a bench section whether or not
 * this build has the runner, and ignores fields it does not know.
 */
public record BenchView(String tool, String include, Integer cpus, String jdkVersion, Boolean complete,
                        String incomplete, Double elapsedSeconds, List<Result> results, List<Ratio> ratios,
                        List<Failure> failures) {

    /** A JMH score and its error (the half-width of JMH's 99.9% interval; null when none). */
    public record Score(double score, Double error, String unit) {
    }

    /** One benchmark at one set of parameters. */
    public record Result(String benchmark, String mode, String kind, String driver, Map<String, String> params,
                         Score primary, Long samples) {
    }

    /** One comparison, usually virtual (subject) against platform (baseline) threads. */
    public record Ratio(String question, String subject, String baseline, Map<String, String> params,
                        String kind, String unit, Score subjectScore, Score baselineScore,
                        double ratio, Double ratioError, Double advantage, Double advantageError,
                        Boolean headline) {
    }

    /** A benchmark JMH could not measure. */
    public record Failure(String benchmark, Map<String, String> params, String reason) {
    }
}
