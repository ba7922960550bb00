package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One busy thread of the timeslice experiment: what it saw of itself, and what the kernel
 * counted for it over the same time (null where the kernel's figures could not be read).
 *
 * @param gaps           times its clock readings jumped by more than the threshold
 * @param gapMillis      the time those gaps add up to: how long it was kept off the CPU
 * @param nonvoluntarySwitches  the kernel's count of times it was switched out while runnable
 * @param schedstatTimeslices   schedstat's third field: times it was put on a CPU
 * @param schedstatWaitMillis   schedstat's second field: time spent runnable but waiting
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchedThreadStats(int thread, long gaps, double gapMillis, double runMillis,
                               Long nonvoluntarySwitches, Long voluntarySwitches,
                               Long schedstatTimeslices, Double schedstatWaitMillis) {
}
