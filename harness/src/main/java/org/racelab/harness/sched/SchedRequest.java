package org.racelab.harness.sched;

import org.racelab.harness.profile.SchedSizes;

import java.nio.file.Path;
import java.util.List;

/**
 * What to run: the experiments, their sizes, and the user's choices over them.
 *
 * @param carriers         run the carrier-dependent experiments with exactly this many carriers;
 *                         null for the default (1, 2, 4, ... up to every CPU)
 * @param footprintThreads N of the footprint experiment; null for the profile's
 * @param rawDir           where each child JVM's data and log go ({@code raw/sched/} under it)
 */
public record SchedRequest(List<Experiment> experiments, SchedSizes sizes, Integer carriers,
                           Integer footprintThreads, Path rawDir) {

    /** The largest N of the footprint experiment racelab accepts. */
    public static final int MAX_FOOTPRINT_THREADS = 1_000_000;
    /** The most carriers racelab accepts. */
    public static final int MAX_CARRIERS = 256;

    public SchedRequest {
        experiments = List.copyOf(experiments);
        if (carriers != null && (carriers < 1 || carriers > MAX_CARRIERS)) {
            throw new IllegalArgumentException("carriers must lie in 1.." + MAX_CARRIERS + ", not " + carriers);
        }
        if (footprintThreads != null && (footprintThreads < 1 || footprintThreads > MAX_FOOTPRINT_THREADS)) {
            throw new IllegalArgumentException("threads must lie in 1.." + MAX_FOOTPRINT_THREADS + ", not " + footprintThreads);
        }
    }

    int footprintN() {
        return footprintThreads != null ? footprintThreads : sizes.footprintThreads();
    }

    /** The carrier counts of the carriers experiment: 1, 2, 4, ... and all CPUs, or the user's one. */
    List<Integer> carrierCounts(int cpus) {
        if (carriers != null) {
            return List.of(carriers);
        }
        java.util.List<Integer> counts = new java.util.ArrayList<>();
        for (int p = 1; p < cpus; p *= 2) {
            counts.add(p);
        }
        counts.add(cpus);
        return List.copyOf(counts);
    }

    /** The preemption threads: one more than CPUs, so platform threads must share a CPU. */
    int preemptionThreads(int cpus) {
        return cpus + 1;
    }

    /** The carrier counts of the preemption experiment: 1 and all CPUs (both fewer than its threads), or the user's one. */
    List<Integer> preemptionCarriers(int cpus) {
        if (carriers != null) {
            return List.of(carriers);
        }
        return cpus == 1 ? List.of(1) : List.of(1, cpus);
    }
}
