package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What the scheduling experiments measured on this machine: one part per experiment that ran.
 *
 * @param experiments the experiments asked for, in the order they ran
 * @param cpus        the processors the JVM saw
 * @param complete    false when an experiment could not run or was stopped
 * @param incomplete  why not (empty when complete)
 * @param missing     readings this machine did not give (not Linux, no permission, an older kernel):
 *                    the experiments ran without them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchedSection(List<String> experiments, int cpus, boolean complete, List<String> incomplete,
                           List<String> missing, double elapsedSeconds,
                           SchedTimeslice timeslice, SchedCarriers carriers, SchedPreemption preemption,
                           SchedFootprint footprint) {
    public SchedSection {
        experiments = Records.list(experiments);
        incomplete = Records.list(incomplete);
        missing = Records.list(missing);
    }
}
