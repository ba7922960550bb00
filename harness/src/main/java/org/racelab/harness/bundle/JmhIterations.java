package org.racelab.harness.bundle;

/**
 * The iterations every benchmark of a run was given: forks, warm-up and measurement iterations
 * and their lengths, as JMH was told them.
 */
public record JmhIterations(int forks, int warmupIterations, long warmupMillis,
                            int measurementIterations, long measurementMillis) {
}
