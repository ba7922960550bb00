package org.racelab.harness.vrace;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples one continuous-mode test the way JCStress's generated runners do, with the actors on
 * the threads racelab chooses.
 *
 * <p>Each actor gets one thread for the whole run. The samples come in rounds of
 * {@code strideCount} strides of {@code strideSize} state objects each (JCStress: 40 x 256).
 * Every actor runs through one stride, calling its method directly in the generated
 * {@link ActorRunner}, then waits at a checkpoint for the others: so the actors work on the same
 * states at about the same time, and none runs ahead of the others by more than one stride. After
 * the last stride each actor, in parallel, runs the arbiter over its own share of the round,
 * counts its results and lays out fresh objects in their place, and all meet once more; the last to
 * arrive decides whether the budget is spent.
 *
 * <p>The checkpoint spins a little, then yields, then (virtual threads only) parks. A virtual
 * thread that only spins never gives up its carrier; with fewer carriers than actors, the one
 * waiting must yield so that the one it waits for can run at all, and {@code Thread.yield()} on a
 * virtual thread does exactly that. Yielding is not enough when the machine is busy: a virtual
 * thread's yield gives way to other virtual threads, not to the OS, so a waiting carrier keeps its
 * CPU while the carrier it waits for sits descheduled. Parking frees the carrier, and so the CPU.
 * Platform threads never park here: their yield already gives the CPU back to the OS, and a parked
 * actor wakes up late, out of step with the other actors, which hides races.
 *
 * <p>A round that has not ended by the deadline plus the grace period means an actor is stuck: on
 * too few carriers, one spins waiting for an actor that never gets a carrier. {@link #run} then
 * returns without waiting for it, and says so; the threads are left to the JVM's end.
 */
final class SampleLoop {

    /** Strides per round, as JCStress's default {@code -strideCount}. */
    static final int STRIDES = 40;
    /** Spins before yielding: short, since a wait at a checkpoint is short when actors run in parallel. */
    private static final int SPINS = 1 << 10;
    /** Yields before parking. */
    private static final int YIELDS = 1 << 4;

    private final ActorRunner runner;
    private final int actors;
    private final int strideSize;
    private final int strideCount;
    private final long deadline;
    private final boolean mayPark;
    private final Object[] states;
    private final Object[] results;
    @SuppressWarnings("unchecked")
    private final Map<Object, long[]>[] counts;
    private final long[] counted;
    private final AtomicInteger arrived = new AtomicInteger();
    private final AtomicReferenceArray<Thread> parked;

    private volatile int phase;
    private volatile boolean stop;
    private volatile Throwable failure;

    @SuppressWarnings("unchecked")
    private SampleLoop(TestShape shape, int strideSize, int strideCount, long deadline, boolean mayPark) {
        this.runner = shape.runner();
        this.actors = shape.actorCount();
        this.strideSize = strideSize;
        this.strideCount = strideCount;
        this.deadline = deadline;
        this.mayPark = mayPark;
        int len = strideSize * strideCount;
        this.states = runner.newStates(len);
        this.results = runner.newResults(len);
        this.counts = new Map[actors];
        this.counted = new long[actors * 16]; // one per actor, on cache lines of their own
        this.parked = new AtomicReferenceArray<>(actors);
    }

    /**
     * What a run of one test saw.
     *
     * @param stuckAfterNanos when the round was still not done at the deadline plus the grace:
     *                        how long after the start the runner gave up on it; 0 otherwise
     */
    record Outcome(Map<String, Long> histogram, long samples, long nanos, Throwable failure, long stuckAfterNanos) {
    }

    static Outcome run(TestShape shape, boolean virtual, long budgetNanos, long graceNanos, int strideSize,
                       int strideCount) throws InterruptedException {
        long start = System.nanoTime();
        SampleLoop loop;
        try {
            loop = new SampleLoop(shape, strideSize, strideCount, start + budgetNanos, virtual);
            loop.layOut(0, strideSize * strideCount);
        } catch (Throwable t) {
            return new Outcome(Map.of(), 0, 0, t, 0);
        }
        Thread.Builder builder = virtual ? Thread.ofVirtual().name("vrace-actor-", 0)
                : Thread.ofPlatform().name("vrace-actor-", 0).daemon();
        Thread[] threads = new Thread[loop.actors];
        for (int a = 0; a < threads.length; a++) {
            int index = a;
            threads[a] = builder.start(() -> loop.actorLoop(index));
        }
        long limit = start + budgetNanos + graceNanos;
        for (Thread t : threads) {
            long left = limit - System.nanoTime();
            if (left <= 0 || !t.join(java.time.Duration.ofNanos(left))) {
                return new Outcome(Map.of(), 0, 0, null, System.nanoTime() - start);
            }
        }
        long nanos = System.nanoTime() - start;
        Map<String, Long> histogram = new LinkedHashMap<>();
        long samples = 0;
        for (int a = 0; a < loop.actors; a++) {
            loop.counts[a].forEach((result, n) -> histogram.merge(String.valueOf(result), n[0], Long::sum));
            samples += loop.counted[a * 16];
        }
        return new Outcome(histogram, samples, nanos, loop.failure, 0);
    }

    private void actorLoop(int a) {
        int len = strideSize * strideCount;
        int lo = (int) ((long) a * len / actors);
        int hi = (int) ((long) (a + 1) * len / actors);
        Map<Object, long[]> mine = new HashMap<>();
        counts[a] = mine;
        ActorRunner r = runner;
        while (true) {
            for (int from = 0; from < len; from += strideSize) {
                try {
                    r.run(a, states, results, from, from + strideSize);
                } catch (Throwable t) {
                    failure = t;
                }
                await(a, false);
            }
            try {
                r.arbiter(states, results, lo, hi);
                for (int c = lo; c < hi; c++) {
                    long[] n = mine.get(results[c]);
                    if (n == null) {
                        mine.put(results[c], new long[]{1});
                    } else {
                        n[0]++;
                    }
                }
                counted[a * 16] += hi - lo;
                layOut(lo, hi);
            } catch (Throwable t) {
                failure = t;
            }
            await(a, true);
            if (stop) {
                return;
            }
        }
    }

    /** The checkpoint: waits for every actor; at the end of a round the last to arrive decides whether to stop. */
    private void await(int index, boolean endOfRound) {
        int p = phase;
        if (arrived.incrementAndGet() == actors) {
            arrived.set(0);
            if (endOfRound && (failure != null || System.nanoTime() >= deadline)) {
                stop = true;
            }
            phase = p + 1;
            if (mayPark) {
                for (int i = 0; i < parked.length(); i++) {
                    Thread t = parked.get(i);
                    if (t != null) {
                        LockSupport.unpark(t);
                    }
                }
            }
            return;
        }
        int waits = 0;
        while (phase == p) {
            waits++;
            if (waits < SPINS) {
                Thread.onSpinWait();
            } else if (!mayPark || waits < SPINS + YIELDS) {
                Thread.yield();
            } else {
                // the slot and the phase are both volatile: the releaser, which writes the phase and
                // then reads the slots, either sees this thread parked or is seen to have moved on
                parked.set(index, Thread.currentThread());
                if (phase == p) {
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
        }
    }

    private void layOut(int from, int to) {
        for (int c = from; c < to; c++) {
            states[c] = runner.newState();
            results[c] = runner.newResult();
        }
    }
}
