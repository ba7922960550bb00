package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The footprint experiment: N parked platform threads against N parked virtual threads, each
 * kind in a fresh JVM.
 *
 * @param requested the N asked for
 */
public record SchedFootprint(int requested, List<FootprintRun> runs) {
    public SchedFootprint {
        runs = Records.list(runs);
    }


    /**
     * One kind of thread.
     *
     * @param reached           how many were started and parked
     * @param stoppedBy         why fewer than asked (a cap or an error), null when all were started
     * @param startAllMillis    the time to start them all and see each parked
     * @param heapBytesPerThread   growth of the used heap after a GC per thread, from the first
     *                             quarter of N to the last (the slope, free of one-time costs)
     * @param rssBytesPerThread    the same for the process's resident memory (null when unreadable)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FootprintRun(String kind, int requested, int reached, String stoppedBy, double startAllMillis,
                               double heapBytesPerThread, Double rssBytesPerThread, List<Step> steps) {
        public FootprintRun {
            steps = Records.list(steps);
        }

    }

    /** The memory with {@code threads} parked threads, and the time it took to start them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(int threads, long heapUsedBytes, Long rssBytes, double elapsedMillis) {
    }
}
