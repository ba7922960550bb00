package org.racelab.harness.bundle;

import java.util.List;

/**
 * The carriers experiment: virtual threads that alternate computing and blocking, once per
 * number of carriers; each run says which virtual thread computed on which carrier, and when.
 */
public record SchedCarriers(int virtualThreads, int rounds, double computeMillis, double blockMillis,
                            List<CarrierRun> runs) {
    public SchedCarriers {
        runs = Records.list(runs);
    }


    /**
     * One JVM with {@code carriers} carrier threads.
     *
     * @param carrierNames the carriers seen, as the JVM names them (e.g. {@code ForkJoinPool-1-worker-1})
     * @param movedThreads virtual threads that computed on more than one carrier
     */
    public record CarrierRun(int carriers, double elapsedMillis, List<String> carrierNames, int movedThreads,
                             List<SchedSegment> segments) {
        public CarrierRun {
            carrierNames = Records.list(carrierNames);
            segments = Records.list(segments);
        }

    }
}
