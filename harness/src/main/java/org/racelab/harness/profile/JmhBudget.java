package org.racelab.harness.profile;

import org.racelab.harness.bundle.JmhIterations;
import java.time.Duration;

/**
 * JMH's iterations for one profile: forks, warm-up and measurement iterations and their
 * lengths. Every benchmark of a run gets the same budget, whatever its annotations say.
 *
 * <p>JMH's error is the half-width of a 99.9% confidence interval from Student's t, so it
 * shrinks with the number of measurement iterations: with 15 of them the error is about
 * 1.07 standard deviations of one iteration, with 5 about 3.9.
 */
public record JmhBudget(int forks, int warmupIterations, long warmupMillis,
                        int measurementIterations, long measurementMillis) {

    /** What one benchmark configuration takes at least: JVM start plus every iteration. */
    public Duration perBenchmark() {
        long perFork = 700 + warmupIterations * warmupMillis + measurementIterations * measurementMillis;
        return Duration.ofMillis(forks * perFork);
    }

    /** What the bundle records of this budget. */
    public JmhIterations toBundle() {
        return new JmhIterations(forks, warmupIterations, warmupMillis, measurementIterations, measurementMillis);
    }
}
