package org.racelab.harness.vrace;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Samples one termination-mode test as JCStress's generated runner does: per sample a fresh state,
 * the actor started on a thread of its own, the signal given once the actor has started, and a
 * limited wait for the actor to end. An actor that ended is TERMINATED; one that did not is STALE,
 * and, as in JCStress, the test ends there, since that thread can never be stopped.
 *
 * <p>On virtual threads the signal comes from a virtual thread too, so the two compete for the
 * carriers: with fewer carriers than the spinning actor and the signaller need, the actor keeps
 * the only carrier and the signal is never given. That is neither TERMINATED nor STALE: the run
 * says so as its own outcome ({@link Outcome#noProgress}).
 */
final class TerminationLoop {

    private TerminationLoop() {
    }

    /**
     * What a run of one termination test saw.
     *
     * @param stuckAfterNanos when a sample did not end: how long that sample was waited for; 0 otherwise
     * @param noProgress      the actor did not end because the signal was never given (its thread never ran)
     */
    record Outcome(Map<String, Long> histogram, long samples, long nanos, Throwable failure, long stuckAfterNanos,
                   boolean noProgress) {
    }

    /** One sample's threads' shared flags. */
    private static final class Holder {
        volatile boolean started;
        volatile boolean terminated;
        volatile boolean signalled;
        volatile Throwable error;
    }

    static Outcome run(TestShape shape, boolean virtual, long budgetNanos, long graceNanos) throws InterruptedException {
        ActorRunner runner = shape.runner();
        Thread.Builder builder = virtual ? Thread.ofVirtual().name("vrace-actor-", 0)
                : Thread.ofPlatform().name("vrace-actor-", 0).daemon();
        long start = System.nanoTime();
        long deadline = start + budgetNanos;
        long terminated = 0;
        Throwable failure = null;
        Object[] noResults = runner.newResults(1);
        do {
            Holder h = new Holder();
            Object[] state = runner.newStates(1);
            try {
                state[0] = runner.newState();
            } catch (Throwable t) {
                failure = t;
                break;
            }
            Thread actor = builder.start(() -> {
                h.started = true;
                try {
                    runner.run(0, state, noResults, 0, 1);
                } catch (Throwable t) {
                    h.error = t;
                }
                h.terminated = true;
            });
            Thread signaller = builder.start(() -> {
                while (!h.started) {
                    Thread.yield();
                }
                try {
                    runner.signal(state[0]);
                } catch (Throwable t) {
                    h.error = t;
                }
                h.signalled = true;
            });
            long waited = System.nanoTime();
            if (!actor.join(Duration.ofNanos(graceNanos)) || !signaller.join(Duration.ofNanos(graceNanos))) {
                Map<String, Long> histogram = histogram(terminated);
                boolean signalled = h.signalled;
                if (signalled) {
                    histogram.put("STALE", 1L);
                }
                return new Outcome(histogram, terminated + (signalled ? 1 : 0), System.nanoTime() - start, null,
                        System.nanoTime() - waited, !signalled);
            }
            if (h.error != null) {
                failure = h.error;
                break;
            }
            terminated++;
        } while (System.nanoTime() < deadline);
        return new Outcome(histogram(terminated), terminated, System.nanoTime() - start, failure, 0, false);
    }

    private static Map<String, Long> histogram(long terminated) {
        Map<String, Long> histogram = new LinkedHashMap<>();
        if (terminated > 0) {
            histogram.put("TERMINATED", terminated);
        }
        return histogram;
    }
}
