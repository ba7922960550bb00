package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * One comparison, e.g. a virtual thread against a platform thread, at one set of parameters.
 *
 * @param subject        the benchmark asked about (usually the virtual thread's)
 * @param baseline       the benchmark it is compared with (usually the platform thread's)
 * @param ratio          subject's score / baseline's score, in the benchmarks' own unit
 * @param ratioError     the ratio's uncertainty, from both scores' errors (relative errors
 *                       added in quadrature); null when either score has no error
 * @param advantage      how many times better the subject is: the ratio for throughput, its
 *                       inverse for latency; above 1 the subject is cheaper or faster
 * @param advantageError its uncertainty, the same relative error as the ratio's
 * @param headline       whether this figure is one of the suite's headline figures
 * @param low            when either score is bimodal (its forks disagree beyond their errors):
 *                       the lowest ratio any pair of their forks gives; null otherwise. The
 *                       ratio is then a range, {@code low} to {@code high}, not one number.
 * @param high           the highest such ratio; null when neither score is bimodal
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchRatio(String question, String subject, String baseline, Map<String, String> params,
                         String kind, String unit, BenchScore subjectScore, BenchScore baselineScore,
                         double ratio, Double ratioError, double advantage, Double advantageError,
                         boolean headline, Double low, Double high) {
    public BenchRatio {
        question = Records.text(question);
        subject = Records.text(subject);
        baseline = Records.text(baseline);
        params = Records.map(params);
    }

    public BenchRatio(String question, String subject, String baseline, Map<String, String> params,
                      String kind, String unit, BenchScore subjectScore, BenchScore baselineScore,
                      double ratio, Double ratioError, double advantage, Double advantageError, boolean headline) {
        this(question, subject, baseline, params, kind, unit, subjectScore, baselineScore, ratio, ratioError,
                advantage, advantageError, headline, null, null);
    }

    /** Whether either score is bimodal, so that this ratio is a range ({@link #low} to {@link #high}). */
    public boolean bimodal() {
        return low != null && high != null;
    }

    /** The advantage's range, lowest first, when the ratio is a range; null otherwise. */
    public double[] advantageRange() {
        if (!bimodal()) {
            return null;
        }
        boolean throughput = "throughput".equals(kind);
        double a = throughput ? low : 1 / high;
        double b = throughput ? high : 1 / low;
        return new double[]{Math.min(a, b), Math.max(a, b)};
    }

}
