package org.racelab.harness.sched;

import org.racelab.harness.bundle.SchedCarriers.CarrierRun;
import org.racelab.harness.bundle.SchedSegment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Virtual threads that alternate computing (a busy loop) and blocking ({@link Thread#sleep}),
 * in a JVM whose virtual-thread scheduler has exactly {@code carriers} carrier threads (the child
 * JVM is started with {@code jdk.virtualThreadScheduler.parallelism} and {@code maxPoolSize}
 * set to it). Each compute stretch is a segment on the carrier it ran on ({@link CarrierName}):
 * sleeping unmounts the virtual thread, and the next stretch may run on another carrier.
 */
public final class CarriersExperiment {

    private CarriersExperiment() {
    }

    public static CarrierRun run(int virtualThreads, int rounds, double computeMillis, double blockMillis)
            throws InterruptedException {
        long computeNanos = (long) (computeMillis * 1e6);
        Duration block = Duration.ofNanos((long) (blockMillis * 1e6));
        List<List<SchedSegment>> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long epoch = System.nanoTime();
        for (int v = 0; v < virtualThreads; v++) {
            List<SchedSegment> mine = new ArrayList<>(rounds);
            perThread.add(mine);
            String name = "v" + (v + 1);
            threads.add(Thread.ofVirtual().name(name).start(() -> {
                try {
                    for (int r = 0; r < rounds; r++) {
                        long from = System.nanoTime();
                        String carrier = CarrierName.current();
                        busyUntil(from + computeNanos);
                        long to = System.nanoTime();
                        mine.add(new SchedSegment(name, carrier, (from - epoch) / 1e6, (to - epoch) / 1e6));
                        Thread.sleep(block);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - epoch) / 1e6;
        List<SchedSegment> segments = perThread.stream().flatMap(List::stream)
                .sorted(Comparator.comparingDouble(SchedSegment::startMillis)).toList();
        int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
                Runtime.getRuntime().availableProcessors());
        return new CarrierRun(carriers, elapsed, carrierNames(segments), movedThreads(segments), segments);
    }

    static List<String> carrierNames(List<SchedSegment> segments) {
        return List.copyOf(segments.stream().map(SchedSegment::carrier)
                .collect(Collectors.toCollection(() -> new TreeSet<>(CarriersExperiment::byWorkerNumber))));
    }

    /** Virtual threads that computed on more than one carrier. */
    static int movedThreads(List<SchedSegment> segments) {
        Map<String, Long> carriersPerThread = segments.stream().collect(Collectors.groupingBy(SchedSegment::thread,
                Collectors.collectingAndThen(Collectors.mapping(SchedSegment::carrier, Collectors.toSet()),
                        s -> (long) s.size())));
        return (int) carriersPerThread.values().stream().filter(n -> n > 1).count();
    }

    /** {@code ForkJoinPool-1-worker-2} before {@code ForkJoinPool-1-worker-10}. */
    static int byWorkerNumber(String a, String b) {
        int c = Integer.compare(a.length(), b.length());
        return c != 0 ? c : a.compareTo(b);
    }

    static void busyUntil(long deadline) {
        while (System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
