package org.racelab.harness.sched;

import org.racelab.harness.bundle.SchedFootprint.FootprintRun;
import org.racelab.harness.bundle.SchedFootprint.Step;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N parked threads of one kind, in a JVM of their own: the used heap after a full GC
 * ({@link MemoryMXBean}) and the process's resident memory ({@code VmRSS}) before and at each
 * quarter of N, and the time to start them until each has run and parked.
 *
 * <p>Platform threads are capped below the kernel's limits (a quarter of {@code pid_max} and of
 * {@code threads-max}): every platform thread is a kernel task, and a machine out of task IDs
 * cannot start anything else, for any user. The cap is recorded as the reason fewer were started.
 */
public final class FootprintExperiment {

    /** Used when the kernel's limits cannot be read. */
    static final int PLATFORM_CAP_UNKNOWN_LIMITS = 10_000;

    private FootprintExperiment() {
    }

    public static FootprintRun run(boolean virtual, int requested, LinuxReadings linux) throws InterruptedException {
        String kind = virtual ? "virtual" : "platform";
        int target = requested;
        String stoppedBy = null;
        if (!virtual) {
            int cap = platformCap(linux);
            if (cap < requested) {
                target = cap;
                stoppedBy = "capped at " + cap + " platform threads, a quarter of the kernel's task limit "
                        + "(pid_max / threads-max), so the machine keeps task IDs for everyone else";
            }
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger parked = new AtomicInteger();
        Runnable body = () -> {
            parked.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        warmUp(virtual);
        Step base = measure(0, memory, linux, 0);
        List<Step> steps = new ArrayList<>();
        steps.add(base);
        long startingNanos = 0;
        int started = 0;
        try {
            for (int quarter = 1; quarter <= 4; quarter++) {
                int upTo = (int) ((long) target * quarter / 4);
                if (upTo <= started) {
                    continue;
                }
                long t0 = System.nanoTime();
                try {
                    while (started < upTo) {
                        Thread t = virtual ? Thread.ofVirtual().unstarted(body)
                                : Thread.ofPlatform().daemon().stackSize(0).unstarted(body);
                        t.start();
                        started++;
                    }
                } catch (OutOfMemoryError e) {
                    stoppedBy = "the JVM could not start more: " + e.getMessage();
                }
                while (parked.get() < started) {
                    Thread.sleep(1);
                }
                startingNanos += System.nanoTime() - t0;
                steps.add(measure(started, memory, linux, startingNanos / 1e6));
                if (started < upTo) {
                    break;
                }
            }
        } finally {
            release.countDown();
        }
        return new FootprintRun(kind, requested, started, stoppedBy, startingNanos / 1e6,
                perThread(steps, Step::heapUsedBytes), perThreadRss(steps), List.copyOf(steps));
    }

    /**
     * The growth per thread from the first quarter to the last step: the slope, not the growth
     * from the empty start, because the first threads of a kind also bring one-time costs (the
     * JVM's first GC settling the heap it started with, classes, carrier threads).
     */
    static double perThread(List<Step> steps, java.util.function.ToLongFunction<Step> memory) {
        if (steps.size() < 2) {
            return 0;
        }
        Step from = steps.get(steps.size() > 2 ? 1 : 0);
        Step to = steps.get(steps.size() - 1);
        return to.threads() == from.threads() ? 0
                : (memory.applyAsLong(to) - memory.applyAsLong(from)) / (double) (to.threads() - from.threads());
    }

    private static Double perThreadRss(List<Step> steps) {
        return steps.stream().anyMatch(s -> s.rssBytes() == null) ? null : perThread(steps, Step::rssBytes);
    }

    /** Starts and ends a few threads of the kind, so that the first measurement has their classes loaded. */
    private static void warmUp(boolean virtual) throws InterruptedException {
        for (int i = 0; i < 16; i++) {
            Thread t = virtual ? Thread.ofVirtual().start(() -> { }) : Thread.ofPlatform().start(() -> { });
            t.join();
        }
    }

    static final String PID_MAX = "/proc/sys/kernel/pid_max";
    static final String THREADS_MAX = "/proc/sys/kernel/threads-max";

    /** What a platform run could not read: the RSS, the kernel's task limits. */
    static List<String> missing(FootprintRun run, LinuxReadings linux) {
        String notLinux = LinuxReadings.isLinux() ? "" : "; not Linux";
        List<String> missing = new ArrayList<>();
        if (run.rssBytesPerThread() == null) {
            missing.add("footprint: process RSS not readable (/proc/self/status VmRSS" + notLinux + ")");
        }
        if (run.kind().equals("platform") && linux.readLong(PID_MAX).isEmpty() && linux.readLong(THREADS_MAX).isEmpty()) {
            missing.add("footprint: the kernel's task limits not readable (" + PID_MAX + ", " + THREADS_MAX + notLinux
                    + "): platform threads capped at " + PLATFORM_CAP_UNKNOWN_LIMITS);
        }
        return List.copyOf(missing);
    }

    static int platformCap(LinuxReadings linux) {
        OptionalLong pidMax = linux.readLong(PID_MAX);
        OptionalLong threadsMax = linux.readLong(THREADS_MAX);
        if (pidMax.isEmpty() && threadsMax.isEmpty()) {
            return PLATFORM_CAP_UNKNOWN_LIMITS;
        }
        long limit = Math.min(pidMax.orElse(Long.MAX_VALUE), threadsMax.orElse(Long.MAX_VALUE));
        return (int) Math.min(Integer.MAX_VALUE, limit / 4);
    }

    private static Step measure(int threads, MemoryMXBean memory, LinuxReadings linux, double elapsedMillis) {
        // Two collections: the first may only queue what the second then frees (finalization, references).
        System.gc();
        System.gc();
        long heap = memory.getHeapMemoryUsage().getUsed();
        OptionalLong rss = linux.residentBytes();
        return new Step(threads, heap, rss.isPresent() ? rss.getAsLong() : null, elapsedMillis);
    }
}
