package org.racelab.harness.bench;

import java.util.List;
import java.util.Map;

/**
 * The questions of the benchmark suite, in the order the terminal shows them. Benchmarks are
 * named {@code Class.method}, as in {@code org.racelab.bench}; a pair is compared at each
 * parameter set both benchmarks ran with.
 *
 * <p>The hand-off headline is LockSupport's: SynchronousQueue and Exchanger spin before they
 * park, so on two otherwise idle CPUs a platform pair may hand off without a context switch at
 * all; park/unpark always parks, so it measures the switch the notes talk about.
 */
public final class RatioQuestions {

    private static final Map<String, String> ALL = Map.of();

    public static final List<RatioQuestion> SUITE = List.of(
            new RatioQuestion("start+join, all virtual vs all platform",
                    "ThreadStartJoin.virtualFromVirtual", "ThreadStartJoin.platformFromPlatform", ALL),
            new RatioQuestion("start+join, both driven by a platform thread",
                    "ThreadStartJoin.virtualFromPlatform", "ThreadStartJoin.platformFromPlatform", null),
            new RatioQuestion("virtual start+join vs a task to a warm pool",
                    "ThreadStartJoin.virtualFromVirtual", "ThreadStartJoin.platformPoolFromPlatform", null),
            new RatioQuestion("hand-off, virtual pair vs platform pair",
                    "ThreadHandOff.virtualPair", "ThreadHandOff.platformPair", Map.of("mechanism", "LockSupport")),
            new RatioQuestion("hand-off, virtual partner of a platform driver",
                    "ThreadHandOff.virtualPartnerFromPlatform", "ThreadHandOff.platformPair", null),
            new RatioQuestion("blocking tasks, virtual per task vs pool of 200",
                    "BlockingFanOut.virtualPerTask", "BlockingFanOut.platformPool", Map.of("tasks", "10000")),
            new RatioQuestion("blocking tasks, virtual vs platform per task",
                    "BlockingFanOut.virtualPerTask", "BlockingFanOut.platformPerTask", null),
            new RatioQuestion("CPU-bound tasks, virtual per task vs pool of CPUs",
                    "CpuBoundFanOut.virtualPerTask", "CpuBoundFanOut.platformPool", Map.of("tasks", "10000")),
            new RatioQuestion("CPU-bound tasks, virtual vs platform per task",
                    "CpuBoundFanOut.virtualPerTask", "CpuBoundFanOut.platformPerTask", null),
            new RatioQuestion("contended counter, 4 virtual vs 4 platform threads",
                    "ContendedCounter.virtualThreads", "ContendedCounter.platformThreads", null),
            new RatioQuestion("start a platform thread vs start a process",
                    "ProcessVsThreadStart.platformThread", "ProcessVsThreadStart.process", ALL),
            new RatioQuestion("start a virtual thread vs start a process",
                    "ProcessVsThreadStart.virtualThreadFromVirtual", "ProcessVsThreadStart.process", null),
            new RatioQuestion("sleep in synchronized vs in ReentrantLock (pinning)",
                    "PinningWhileBlocking.insideSynchronized", "PinningWhileBlocking.insideReentrantLock", ALL));

    private RatioQuestions() {
    }
}
