package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The preemption experiment: {@code threads} CPU-bound threads that never block, each with the
 * same amount of work (about {@code workMillis} alone on a CPU), as platform threads on all CPUs
 * and as virtual threads on fewer carriers.
 */
public record SchedPreemption(int threads, double workMillis, List<PreemptionRun> runs) {
    public SchedPreemption {
        runs = Records.list(runs);
    }


    /**
     * One way of running the threads.
     *
     * @param kind        {@code platform} or {@code virtual}
     * @param carriers    the carriers (virtual only; null for platform threads)
     * @param maxInFlight the most threads that had started and not yet finished at one moment
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PreemptionRun(String kind, Integer carriers, int cpus, double elapsedMillis, int maxInFlight,
                                List<ThreadSpan> spans) {
        public PreemptionRun {
            spans = Records.list(spans);
        }

    }

    /**
     * One thread: when it started and finished, and when it completed each tenth... of its work
     * ({@code progressMillis}, one entry per step), so a timeline shows whether it progressed
     * while the others did.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ThreadSpan(String thread, String carrier, double startMillis, double finishMillis,
                             List<Double> progressMillis) {
        public ThreadSpan {
            progressMillis = Records.list(progressMillis);
        }

    }
}
