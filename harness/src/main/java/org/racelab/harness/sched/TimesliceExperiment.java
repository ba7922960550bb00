package org.racelab.harness.sched;

import org.racelab.harness.stats.Percentiles;
import org.racelab.harness.bundle.SchedThreadStats;
import org.racelab.harness.bundle.SchedTimeslice;
import org.racelab.harness.bundle.SchedTimeslice.SwitchCheck;
import org.racelab.harness.sched.LinuxReadings.ThreadCounters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * More busy platform threads than CPUs, each reading {@link System#nanoTime()} as fast as it can.
 * A thread cannot see the scheduler, but it can see its own clock jump: two consecutive readings
 * further apart than the threshold mean it was not running in between. Those gaps give the run
 * lengths ({@link ClockGaps}); the kernel's own per-thread counts, read by each thread from
 * {@code /proc/thread-self} before and after, say whether the gaps were switches.
 *
 * <p>The threshold (50 µs by default) sits far above one loop turn (tens of nanoseconds) and an
 * ordinary interrupt (a few µs), and far below a slice (milliseconds). On a virtual machine a
 * gap may also be the hypervisor running another guest; the kernel's counts tell them apart.
 */
public final class TimesliceExperiment {

    public static final long DEFAULT_THRESHOLD_NANOS = 50_000;
    private static final int RUN_LENGTHS_KEPT = 5_000;
    public static final double NOTES_CLAIM_MILLIS = 20;

    /** What one run gives: the bundle's part, and every gap for {@code raw/}. */
    public record Result(SchedTimeslice timeslice, List<ClockGaps> gaps, List<String> missing) {
    }

    private TimesliceExperiment() {
    }

    public static Result run(int threads, double seconds, long thresholdNanos, LinuxReadings linux)
            throws InterruptedException {
        long durationNanos = (long) (seconds * 1e9);
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, durationNanos / thresholdNanos + 2);
        long[] start = new long[1];
        CyclicBarrier gate = new CyclicBarrier(threads, () -> start[0] = System.nanoTime());
        ClockGaps[] gaps = new ClockGaps[threads];
        ThreadCounters[] counted = new ThreadCounters[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            workers[t] = Thread.ofPlatform().name("busy-" + t).start(() -> {
                long[] gapStarts = new long[capacity];
                long[] gapEnds = new long[capacity];
                warmUp(thresholdNanos, gapStarts, gapEnds);
                try {
                    gate.await();
                } catch (InterruptedException | BrokenBarrierException e) {
                    return;
                }
                long until = start[0] + durationNanos;
                ThreadCounters before = linux.threadCounters();
                long from = System.nanoTime();
                int n = spin(until, thresholdNanos, gapStarts, gapEnds);
                long to = System.nanoTime();
                counted[index] = linux.threadCounters().minus(before);
                gaps[index] = new ClockGaps(index, from, to, Arrays.copyOf(gapStarts, n), Arrays.copyOf(gapEnds, n));
            });
        }
        for (Thread w : workers) {
            w.join();
        }
        List<ClockGaps> all = Arrays.asList(gaps);
        LinuxReadings.Slices slices = linux.kernelSlices();
        List<String> missing = new ArrayList<>(slices.missing());
        if (Arrays.stream(counted).anyMatch(c -> c.nonvoluntary() == null)) {
            missing.add("per-thread context switches: /proc/thread-self/status not readable"
                    + (LinuxReadings.isLinux() ? "" : " (not Linux)"));
        }
        if (Arrays.stream(counted).anyMatch(c -> c.schedstatTimeslices() == null)) {
            missing.add("per-thread schedstat: /proc/thread-self/schedstat not readable"
                    + (LinuxReadings.isLinux() ? " (kernel built without CONFIG_SCHED_INFO?)" : " (not Linux)"));
        }
        SchedTimeslice summary = summarize(all, Arrays.asList(counted), Runtime.getRuntime().availableProcessors(),
                seconds, thresholdNanos, slices.settings());
        return new Result(summary, all, List.copyOf(missing));
    }

    /** Turns the gaps and counts of every thread into the bundle's figures. */
    public static SchedTimeslice summarize(List<ClockGaps> gaps, List<ThreadCounters> counts, int cpus, double seconds,
                                           long thresholdNanos, List<SchedTimeslice.KernelSetting> kernel) {
        List<Double> runs = new ArrayList<>();
        List<SchedThreadStats> perThread = new ArrayList<>();
        long totalGaps = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < gaps.size(); i++) {
            ClockGaps g = gaps.get(i);
            ThreadCounters c = i < counts.size() ? counts.get(i) : ThreadCounters.NONE;
            for (long r : g.runLengths()) {
                runs.add(r / 1e6);
            }
            totalGaps += g.gaps();
            first = Math.min(first, g.startNanos());
            last = Math.max(last, g.endNanos());
            perThread.add(new SchedThreadStats(g.thread(), g.gaps(), g.gapNanos() / 1e6,
                    (g.endNanos() - g.startNanos() - g.gapNanos()) / 1e6, c.nonvoluntary(), c.voluntary(),
                    c.schedstatTimeslices(), c.schedstatWaitNanos() == null ? null : c.schedstatWaitNanos() / 1e6));
        }
        Percentiles p = new Percentiles(runs.stream().mapToDouble(Double::doubleValue).toArray());
        double wallSeconds = gaps.isEmpty() ? 0 : (last - first) / 1e9;
        return new SchedTimeslice(gaps.size(), cpus, seconds, thresholdNanos / 1e3, p.count(),
                p.median(), p.at(10), p.at(90), p.mean(),
                wallSeconds > 0 ? totalGaps / wallSeconds : 0, NOTES_CLAIM_MILLIS, kernel,
                switchCheck(perThread, totalGaps), perThread, thin(runs));
    }

    private static SwitchCheck switchCheck(List<SchedThreadStats> threads, long gaps) {
        double gapMillis = threads.stream().mapToDouble(SchedThreadStats::gapMillis).sum();
        return new SwitchCheck(gaps, sum(threads, SchedThreadStats::nonvoluntarySwitches),
                sum(threads, SchedThreadStats::voluntarySwitches), sum(threads, SchedThreadStats::schedstatTimeslices),
                gapMillis, threads.stream().anyMatch(t -> t.schedstatWaitMillis() == null) ? null
                        : threads.stream().mapToDouble(SchedThreadStats::schedstatWaitMillis).sum());
    }

    private static Long sum(List<SchedThreadStats> threads, java.util.function.Function<SchedThreadStats, Long> f) {
        long s = 0;
        for (SchedThreadStats t : threads) {
            Long v = f.apply(t);
            if (v == null) {
                return null;
            }
            s += v;
        }
        return s;
    }

    private static List<Double> thin(List<Double> runs) {
        if (runs.size() <= RUN_LENGTHS_KEPT) {
            return List.copyOf(runs);
        }
        List<Double> kept = new ArrayList<>(RUN_LENGTHS_KEPT);
        for (int i = 0; i < RUN_LENGTHS_KEPT; i++) {
            kept.add(runs.get((int) ((long) i * runs.size() / RUN_LENGTHS_KEPT)));
        }
        return kept;
    }

    /** Compiles {@link #spin} before the measurement, so no compilation pause looks like a switch. */
    private static void warmUp(long thresholdNanos, long[] starts, long[] ends) {
        for (int i = 0; i < 30; i++) {
            spin(System.nanoTime() + 3_000_000, thresholdNanos, starts, ends);
        }
    }

    /** Reads the clock until {@code until}; records each gap above the threshold; returns how many. */
    static int spin(long until, long thresholdNanos, long[] starts, long[] ends) {
        int n = 0;
        long last = System.nanoTime();
        while (last < until) {
            long now = System.nanoTime();
            if (now - last > thresholdNanos && n < starts.length) {
                starts[n] = last;
                ends[n] = now;
                n++;
            }
            last = now;
        }
        return n;
    }
}
