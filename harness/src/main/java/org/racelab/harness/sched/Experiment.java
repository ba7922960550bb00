package org.racelab.harness.sched;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The scheduling experiments, in the order {@code racelab sched all} runs them. */
public enum Experiment {
    /** More busy platform threads than CPUs: how long each runs before the OS switches it out. */
    TIMESLICE("how long the OS lets a busy thread run before it switches (the notes: 20 ms)"),
    /** Virtual threads that compute and block, on 1..N carriers: which ran where, and when. */
    CARRIERS("which virtual thread ran on which carrier thread, and when (the goroutine diagram)"),
    /** CPU-bound threads that never block: platform threads are time-sliced, virtual threads are not. */
    PREEMPTION("CPU-bound work: platform threads share the CPUs, virtual threads wait their turn"),
    /** N parked platform threads against N parked virtual threads: memory and start time. */
    FOOTPRINT("what N parked platform and virtual threads cost in memory and start time");

    private final String summary;

    Experiment(String summary) {
        this.summary = summary;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String summary() {
        return summary;
    }

    public static Optional<Experiment> byId(String id) {
        return Arrays.stream(values()).filter(e -> e.id().equals(id)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(Experiment::id).collect(Collectors.joining(", "));
    }
}
