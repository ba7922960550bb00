package org.racelab.harness.profile;

/**
 * How big the scheduling experiments are at one profile.
 *
 * @param timesliceSeconds       how long the busy threads of {@code timeslice} run
 * @param timesliceThreadsPerCpu busy threads per CPU (more than one, so the OS must switch)
 * @param carriersThreads        virtual threads in {@code carriers}
 * @param carriersRounds         compute-then-block rounds of each
 * @param carriersComputeMillis  computing per round
 * @param carriersBlockMillis    blocking (sleeping) per round
 * @param preemptionWorkMillis   the CPU-bound work of each {@code preemption} thread, alone on a CPU
 * @param footprintThreads       N of {@code footprint}, per kind of thread
 */
public record SchedSizes(double timesliceSeconds, int timesliceThreadsPerCpu,
                         int carriersThreads, int carriersRounds, double carriersComputeMillis,
                         double carriersBlockMillis, double preemptionWorkMillis, int footprintThreads) {
}
