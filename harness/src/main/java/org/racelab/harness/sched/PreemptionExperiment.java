package org.racelab.harness.sched;

import org.racelab.harness.bundle.SchedPreemption.PreemptionRun;
import org.racelab.harness.bundle.SchedPreemption.ThreadSpan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * {@code threads} threads with the same CPU-bound work ({@link CpuWork}), none of which ever
 * blocks. Each records when it started, when it finished each tenth of its work, and when it
 * finished. Platform threads are scheduled by the OS, which time-slices them: on fewer CPUs
 * than threads all of them progress at once. Virtual threads are scheduled by the JVM on its
 * carriers, and a virtual thread leaves its carrier only when it blocks or ends (JDK 21 to 25
 * have no time-slicing of virtual threads), so with fewer carriers than threads the later ones
 * start only when earlier ones finish.
 */
public final class PreemptionExperiment {

    public static final int STEPS = 10;

    private PreemptionExperiment() {
    }

    public static PreemptionRun run(boolean virtual, int threads, long iterations) throws InterruptedException {
        ThreadSpan[] spans = new ThreadSpan[threads];
        Thread[] started = new Thread[threads];
        long perStep = Math.max(1, iterations / STEPS);
        long epoch = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            int index = i;
            String name = (virtual ? "virtual-" : "platform-") + (i + 1);
            Runnable body = () -> {
                long start = System.nanoTime();
                String carrier = virtual ? CarrierName.current() : null;
                double[] progress = new double[STEPS];
                for (int s = 0; s < STEPS; s++) {
                    CpuWork.iterate(perStep);
                    progress[s] = (System.nanoTime() - epoch) / 1e6;
                }
                long finish = System.nanoTime();
                spans[index] = new ThreadSpan(name, carrier, (start - epoch) / 1e6, (finish - epoch) / 1e6,
                        Arrays.stream(progress).boxed().toList());
            };
            started[i] = virtual ? Thread.ofVirtual().name(name).start(body) : Thread.ofPlatform().name(name).start(body);
        }
        for (Thread t : started) {
            t.join();
        }
        double elapsed = (System.nanoTime() - epoch) / 1e6;
        List<ThreadSpan> all = Arrays.asList(spans);
        Integer carriers = virtual ? Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
                Runtime.getRuntime().availableProcessors()) : null;
        return new PreemptionRun(virtual ? "virtual" : "platform", carriers, Runtime.getRuntime().availableProcessors(),
                elapsed, maxInFlight(all), all);
    }

    /** The most threads that had started and not yet finished at one moment. */
    public static int maxInFlight(List<ThreadSpan> spans) {
        List<double[]> events = new ArrayList<>();
        for (ThreadSpan s : spans) {
            events.add(new double[]{s.startMillis(), +1});
            events.add(new double[]{s.finishMillis(), -1});
        }
        // at equal times a finish comes first: a thread that starts the instant another ends did not overlap it
        events.sort(Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1]));
        int now = 0;
        int max = 0;
        for (double[] e : events) {
            now += (int) e[1];
            max = Math.max(max, now);
        }
        return max;
    }
}
