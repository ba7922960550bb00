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
 * <p>The first tenth of the budget warms up: its rounds run but are not counted, and the rate is
 * taken over the rest, as JCStress counts only the iterations after its fork has warmed the
 * actors' code up (the runner class is new for each test, and its loops must be compiled first).
 *
 * <p>How an actor waits at the checkpoint depends on whether every actor has a CPU (platform
 * threads) or a carrier (virtual threads) of its own. When it has, it only spins, as JCStress's
 * {@code WorkerSync} does: an actor that yielded or parked would give up its CPU to another
 * process on a busy machine and come back out of step, so that the actors ran one after the
 * other and no race showed (measured: under a load of 19 on 2 CPUs, JCStress saw the lost update
 * in 12.8 % of its samples and a spin-then-yield checkpoint in none). When it has not, the one
 * waiting must let the one it waits for run at all: it yields at once on virtual threads (a
 * virtual thread's yield gives its carrier to the next virtual thread), and parks after some
 * yields, since a virtual thread's yield gives way to other virtual threads, not to the OS, so a
 * waiting carrier would keep its CPU while the carrier it waits for sits descheduled; platform
 * threads spin a little, then yield to the OS.
 *
 * <p>When every actor has a CPU of its own, each is bound to a different one, as JCStress binds
 * its actors (its default affinity mode, {@code -af LOCAL}): two spinning actors that the OS put on
 * the same CPU would meet at a checkpoint only once per time slice. Platform threads only: the
 * carriers of virtual threads are left as the JDK's scheduler makes them, since that is what the
 * runner asks about. Where binding is not possible (not Linux), the actors run unbound.
 *
 * <p>No checkpoint passed for the grace period, once the budget plus the grace are over, means an actor is stuck: on
 * too few carriers, one spins waiting for an actor that never gets a carrier. {@link #run} then
 * returns without waiting for it, and says so; the threads are left to the JVM's end.
 */
final class SampleLoop {

    /** Strides per round, as JCStress's default {@code -strideCount}. */
    static final int STRIDES = 40;
    /** Platform threads, more actors than CPUs: spins before yielding. */
    private static final int SPINS = 1 << 10;
    /** Virtual threads, more actors than carriers: yields before parking. */
    private static final int YIELDS = 1 << 4;
    /** The share of the budget that warms the actors' code up and is not counted, as JCStress counts only its iterations. */
    static final int WARM_UP_PERCENT = 10;
    /** How often the watchdog looks whether the actors have moved on. */
    private static final long POLL_MILLIS = 20;

    private final ActorRunner runner;
    private final int actors;
    private final int strideSize;
    private final int strideCount;
    private final long deadline;
    private final boolean mayPark;
    private final boolean spinOnly;
    private final int spins;
    private final int[] bindTo;
    private final Object[] states;
    private final Object[] results;
    @SuppressWarnings("unchecked")
    private final Map<Object, long[]>[] counts;
    private final long[] counted;
    private final AtomicInteger arrived = new AtomicInteger();
    private final AtomicReferenceArray<Thread> parked;

    private final long warmUpEnd;
    private volatile long countFrom;
    private volatile int phase;
    private volatile boolean stop;
    private volatile Throwable failure;

    @SuppressWarnings("unchecked")
    private SampleLoop(TestShape shape, int strideSize, int strideCount, long deadline, boolean virtual,
                       int processors, int[] cpus) {
        this.runner = shape.runner();
        this.actors = shape.actorCount();
        this.strideSize = strideSize;
        this.strideCount = strideCount;
        this.deadline = deadline;
        this.warmUpEnd = deadline - (deadline - System.nanoTime()) * (100 - WARM_UP_PERCENT) / 100;
        this.spinOnly = processors >= actors;
        this.mayPark = virtual && !spinOnly;
        this.spins = virtual ? 0 : SPINS;
        this.bindTo = !virtual && spinOnly && cpus != null && cpus.length >= actors ? cpus : null;
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
     * @param stuckAfterNanos when no actor passed a checkpoint for the grace period (and the budget
     *                        plus the grace had passed): the limit that decided it, the budget plus
     *                        the grace when no checkpoint was ever passed, else the grace; 0 otherwise
     */
    record Outcome(Map<String, Long> histogram, long samples, long nanos, Throwable failure, long stuckAfterNanos) {
    }

    /**
     * @param processors what the actors run on: the carriers (virtual threads) or the CPUs
     *                   (platform threads); with as many as actors, every actor has its own
     * @param cpus       the CPUs this process may run on, to bind each actor to its own; null: none
     */
    static Outcome run(TestShape shape, boolean virtual, int processors, int[] cpus, long budgetNanos,
                       long graceNanos, int strideSize, int strideCount) throws InterruptedException {
        long start = System.nanoTime();
        SampleLoop loop;
        try {
            loop = new SampleLoop(shape, strideSize, strideCount, start + budgetNanos, virtual, processors,
                    cpus);
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
        // the per-test watchdog: stuck is no checkpoint passed for the grace period, and not before
        // the budget plus the grace; a slow test (a busy machine) still moves, and is left to end
        int seen = loop.phase;
        long lastMove = start;
        for (Thread t : threads) {
            while (!t.join(java.time.Duration.ofMillis(POLL_MILLIS))) {
                long now = System.nanoTime();
                int phase = loop.phase;
                if (phase != seen) {
                    seen = phase;
                    lastMove = now;
                } else if (now - lastMove >= graceNanos && now - start >= budgetNanos + graceNanos) {
                    return new Outcome(Map.of(), 0, 0, null, lastMove == start ? budgetNanos + graceNanos : graceNanos);
                }
            }
        }
        long nanos = System.nanoTime() - (loop.countFrom == 0 ? start : loop.countFrom);
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
        if (bindTo != null) {
            Affinity.bind(bindTo[a]);
        }
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
                // most samples repeat the outcome before them: one equals() instead of a hash look-up
                Object last = null;
                long[] lastCount = null;
                for (int c = lo; c < hi; c++) {
                    Object result = results[c];
                    if (lastCount != null && result.equals(last)) {
                        lastCount[0]++;
                        continue;
                    }
                    long[] n = mine.get(result);
                    if (n == null) {
                        n = new long[]{1};
                        mine.put(result, n);
                    } else {
                        n[0]++;
                    }
                    last = result;
                    lastCount = n;
                }
                counted[a * 16] += hi - lo;
                layOut(lo, hi);
            } catch (Throwable t) {
                failure = t;
            }
            long counting = countFrom;
            await(a, true);
            if (stop) {
                return;
            }
            if (counting == 0 && countFrom != 0) {
                // the warm-up ended with this round: what was counted so far is not counted
                mine.clear();
                counted[a * 16] = 0;
            }
        }
    }

    /** The checkpoint: waits for every actor; at the end of a round the last to arrive decides whether to stop. */
    private void await(int index, boolean endOfRound) {
        int p = phase;
        if (arrived.incrementAndGet() == actors) {
            arrived.set(0);
            if (endOfRound) {
                long now = System.nanoTime();
                if (failure != null || now >= deadline) {
                    stop = true;
                } else if (countFrom == 0 && now >= warmUpEnd) {
                    countFrom = now;
                }
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
        if (spinOnly) {
            while (phase == p) {
                Thread.onSpinWait();
            }
            return;
        }
        int waits = 0;
        while (phase == p) {
            waits++;
            if (waits < spins) {
                Thread.onSpinWait();
            } else if (!mayPark || waits < spins + YIELDS) {
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
