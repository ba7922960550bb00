package org.racelab.harness.vrace;

import java.lang.invoke.MethodHandle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples one test the way JCStress does, with actors on the threads racelab chooses.
 *
 * <p>Not one thread start per sample: each actor gets one thread for the whole run, and the
 * samples come in rounds. A round is a stride of fresh state objects; every actor runs through
 * the whole stride, so the actors work on the same objects at about the same time, then all
 * meet at one barrier. The last to arrive runs the arbiter over the stride, counts the results
 * and lays out the next stride while the others wait.
 *
 * <p>The barrier spins a little, then yields, then parks. A virtual thread that only spins never
 * gives up its carrier; with fewer carriers than actors, the one waiting must yield so that the
 * one it waits for can run at all, and {@code Thread.yield()} on a virtual thread does exactly
 * that. Yielding is not enough when the machine is busy: a virtual thread's yield gives way to
 * other virtual threads, not to the OS, so a waiting carrier keeps its CPU while the carrier it
 * waits for sits descheduled. Parking frees the carrier, and so the CPU. Platform threads never
 * park here: their yield already gives the CPU back to the OS, and a parked actor wakes up late,
 * out of step with the other actors, which hides races.
 */
final class SampleLoop {

    /** Spins before yielding: short, since a wait at the barrier of a stride is short when actors run in parallel. */
    private static final int SPINS = 1 << 10;
    /** Yields before parking. */
    private static final int YIELDS = 1 << 4;

    private final TestShape shape;
    private final int stride;
    private final long deadline;
    private final AtomicInteger arrived = new AtomicInteger();
    private final Map<Object, long[]> counts = new HashMap<>();
    private final AtomicReferenceArray<Thread> parked;
    private final boolean mayPark;

    private Object[] states;
    private Object[] results;
    private volatile int phase;
    private volatile boolean stop;
    private volatile Throwable failure;
    private long samples;

    private SampleLoop(TestShape shape, int stride, long deadline, boolean mayPark) {
        this.shape = shape;
        this.stride = stride;
        this.deadline = deadline;
        this.parked = new AtomicReferenceArray<>(shape.actorCount());
        this.mayPark = mayPark;
    }

    /** What a run of one test saw. */
    record Outcome(Map<String, Long> histogram, long samples, long nanos, Throwable failure) {
    }

    static Outcome run(TestShape shape, boolean virtual, long budgetNanos, int stride) throws InterruptedException {
        long start = System.nanoTime();
        SampleLoop loop = new SampleLoop(shape, stride, start + budgetNanos, virtual);
        try {
            loop.layOut();
        } catch (Throwable t) {
            return new Outcome(Map.of(), 0, 0, t);
        }
        Thread.Builder builder = virtual ? Thread.ofVirtual().name("vrace-actor-", 0)
                : Thread.ofPlatform().name("vrace-actor-", 0).daemon();
        Thread[] threads = new Thread[shape.actorCount()];
        for (int a = 0; a < threads.length; a++) {
            int index = a;
            threads[a] = builder.start(() -> loop.actorLoop(index));
        }
        for (Thread t : threads) {
            t.join();
        }
        long nanos = System.nanoTime() - start;
        Map<String, Long> histogram = new LinkedHashMap<>();
        loop.counts.forEach((result, n) -> histogram.merge(String.valueOf(result), n[0], Long::sum));
        return new Outcome(histogram, loop.samples, nanos, loop.failure);
    }

    private void actorLoop(int index) {
        MethodHandle actor = shape.actor(index);
        while (true) {
            Object[] s = states;
            Object[] r = results;
            try {
                for (int i = 0; i < s.length; i++) {
                    actor.invokeExact(s[i], r[i]);
                }
            } catch (Throwable t) {
                failure = t;
            }
            arriveAndAwait(index);
            if (stop) {
                return;
            }
        }
    }

    private void arriveAndAwait(int index) {
        int p = phase;
        if (arrived.incrementAndGet() == shape.actorCount()) {
            arrived.set(0);
            endRound();
            phase = p + 1;
            for (int i = 0; i < parked.length(); i++) {
                Thread t = parked.get(i);
                if (t != null) {
                    LockSupport.unpark(t);
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
                    LockSupport.parkNanos(this, 1_000_000);
                }
            }
        }
    }

    /** Runs in the last actor to arrive, while the others wait: arbiter, counting, the next stride. */
    private void endRound() {
        try {
            MethodHandle arbiter = shape.arbiter();
            for (int i = 0; i < states.length; i++) {
                if (arbiter != null) {
                    arbiter.invokeExact(states[i], results[i]);
                }
                long[] n = counts.get(results[i]);
                if (n == null) {
                    counts.put(results[i], new long[]{1});
                } else {
                    n[0]++;
                }
            }
            samples += states.length;
            if (failure == null && System.nanoTime() < deadline) {
                layOut();
            } else {
                stop = true;
            }
        } catch (Throwable t) {
            failure = t;
            stop = true;
        }
    }

    private void layOut() throws Throwable {
        Object[] s = new Object[stride];
        Object[] r = new Object[stride];
        for (int i = 0; i < stride; i++) {
            s[i] = shape.newState();
            r[i] = shape.newResult();
        }
        states = s;
        results = r;
    }
}
