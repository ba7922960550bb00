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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchRatio(String question, String subject, String baseline, Map<String, String> params,
                         String kind, String unit, BenchScore subjectScore, BenchScore baselineScore,
                         double ratio, Double ratioError, double advantage, Double advantageError,
                         boolean headline) {
    public BenchRatio {
        question = Records.text(question);
        subject = Records.text(subject);
        baseline = Records.text(baseline);
        params = Records.map(params);
    }

}
