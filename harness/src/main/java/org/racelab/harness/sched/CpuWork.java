package org.racelab.harness.sched;

/**
 * A fixed amount of CPU work that never blocks: a xorshift loop whose result is kept, so the JIT
 * cannot drop it. A fixed number of iterations, not a fixed time, because a thread kept off the
 * CPU must take longer to finish: that is what the preemption experiment shows.
 */
public final class CpuWork {

    private static volatile long sink;

    private CpuWork() {
    }

    public static void iterate(long iterations) {
        long x = 88172645463325252L ^ iterations;
        for (long i = 0; i < iterations; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        sink = x;
    }

    /**
     * How many iterations take about {@code millis} on one CPU of this machine: warms the loop up,
     * then takes the fastest of a few timed rounds (the least disturbed by other load).
     */
    public static long calibrate(double millis) {
        long n = 1_000_000;
        for (int i = 0; i < 20; i++) {
            iterate(n);
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 7; i++) {
            long t0 = System.nanoTime();
            iterate(n);
            best = Math.min(best, (System.nanoTime() - t0) / (double) n);
        }
        return Math.max(1, (long) (millis * 1e6 / best));
    }
}
