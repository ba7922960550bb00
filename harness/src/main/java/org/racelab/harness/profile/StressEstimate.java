package org.racelab.harness.profile;

import java.util.List;

/**
 * How long a JCStress run takes, modelled on how JCStress spends its time: first a fixed start
 * (it probes the JVM, then which JVM configurations it can use, each with a JVM of its own), then
 * per test its forks, one JVM per configuration, each a JVM start and the profile's iterations.
 * JCStress gives each actor a CPU of its own and runs as many forks side by side as the CPUs
 * hold, so a test takes the share {@code actors / CPUs} of its time: two 1-actor tests run at
 * once on 2 CPUs, a 2-actor test takes both. A test with more actors than CPUs does not run.
 *
 * <p>The figures per profile ({@link Profile#stressStart()}, {@link Profile#expectedPerTest()},
 * a 2-actor test on 2 CPUs) were measured on this project's machine type; see the profile.
 */
public final class StressEstimate {

    private StressEstimate() {
    }

    /**
     * The expected seconds of a run of tests with these actor counts on {@code cpus} CPUs.
     *
     * @param actors the actor count of each test of the run (tests with more than {@code cpus} are left out)
     */
    public static long seconds(Profile profile, List<Integer> actors, int cpus) {
        return seconds(profile, actors, cpus, 0);
    }

    /**
     * The same on a machine that is busy with other work: with a load average of {@code load}
     * runnable threads beside JCStress's {@code cpus}, JCStress gets about {@code cpus / (load +
     * cpus)} of the machine, so every part of it takes {@code (load + cpus) / cpus} times as long
     * (a negative load, unknown, counts as none). On this project's 2-vCPU machine a smoke run of
     * JCStress's 148 samples (127 ran) took 1,269 s under a load average of 16 to 24.
     */
    public static long seconds(Profile profile, List<Integer> actors, int cpus, double load) {
        return Math.round(quiet(profile, actors, cpus) * Math.max(1, (Math.max(0, load) + cpus) / cpus));
    }

    private static double quiet(Profile profile, List<Integer> actors, int cpus) {
        double perFull = profile.expectedPerTest().toMillis() / 1000.0;
        double tests = 0;
        for (int a : actors) {
            if (a <= cpus) {
                // each fork holds a CPU per actor for the same time, so cpus / a forks run side by side
                tests += perFull * Math.max(1, a) / cpus;
            }
        }
        return tests == 0 ? 0 : profile.stressStart().toMillis() / 1000.0 + tests;
    }
}
