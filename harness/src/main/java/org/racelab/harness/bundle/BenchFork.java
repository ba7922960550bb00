package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One JMH fork's share of a score: the mean of its measured iterations, and the half-width of
 * the 99.9% confidence interval of that mean from its own iterations (Student's t, as JMH
 * computes the score's error); null from fewer than three iterations (JMH gives no error there).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchFork(double score, Double error) {

    public static BenchFork of(double score, double error) {
        return new BenchFork(score, Double.isFinite(error) ? error : null);
    }
}
