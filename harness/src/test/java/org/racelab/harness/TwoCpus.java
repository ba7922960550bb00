package org.racelab.harness;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The run tests race real threads and read what 2 CPUs show (a lost update on platform threads,
 * 2 carriers, JCStress's 2-actor tests): on fewer they are skipped, saying why, rather than
 * failing on what a single CPU cannot show.
 */
public final class TwoCpus {

    private TwoCpus() {
    }

    public static void assume() {
        int cpus = Runtime.getRuntime().availableProcessors();
        assumeTrue(cpus >= 2, "this test runs real races and needs 2 CPUs; this JVM has " + cpus
                + " (a 1-vCPU machine, or taskset?)");
    }
}
