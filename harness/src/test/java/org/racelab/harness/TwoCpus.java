package org.racelab.harness;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The run tests race real threads and read what 2 CPUs show (a lost update on platform threads,
 * 2 carriers, JCStress's 2-actor tests): on fewer they are skipped, saying why, rather than
 * failing on what a single CPU cannot show. A class that runs once for all its tests calls
 * {@link #enough()} in its {@code @BeforeAll} and {@link #assume()} in a {@code @BeforeEach}.
 */
public final class TwoCpus {

    private TwoCpus() {
    }

    /** Whether this JVM has the 2 CPUs; a class's {@code @BeforeAll} runs nothing without them. */
    public static boolean enough() {
        return Runtime.getRuntime().availableProcessors() >= 2;
    }

    /** Skips the test, saying why, on fewer than 2 CPUs (call it per test, so that each skip is reported). */
    public static void assume() {
        int cpus = Runtime.getRuntime().availableProcessors();
        assumeTrue(cpus >= 2, "this test runs real races and needs 2 CPUs; this JVM has " + cpus
                + " (a 1-vCPU machine, or taskset?)");
    }
}
