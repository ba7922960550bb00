package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The timeslice experiment: more busy platform threads than CPUs, each reading the clock in a
 * tight loop; a gap in its own readings longer than {@code gapThresholdMicros} is a time it was
 * kept off the CPU, and the time between two gaps is one uninterrupted run.
 *
 * @param runs             uninterrupted runs counted (the first and last of each thread are cut
 *                         by the start and end of the measurement and left out)
 * @param switchesPerSecond gaps of all threads together per second of wall time
 * @param notesClaimMillis the notes' "processes are switched quickly: 20 ms"
 * @param kernel           the kernel's own scheduler settings that could be read
 * @param runLengthsMillis every run length measured (up to a cap, evenly thinned), for charts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchedTimeslice(int threads, int cpus, double seconds, double gapThresholdMicros, long runs,
                             double medianMillis, double p10Millis, double p90Millis, double meanMillis,
                             double switchesPerSecond, double notesClaimMillis, List<KernelSetting> kernel,
                             SwitchCheck switchCheck, List<SchedThreadStats> perThread,
                             List<Double> runLengthsMillis) {
    public SchedTimeslice {
        kernel = Records.list(kernel);
        perThread = Records.list(perThread);
        runLengthsMillis = Records.list(runLengthsMillis);
    }


    /** One scheduler setting read from the kernel, e.g. EEVDF's base slice. */
    public record KernelSetting(String name, String source, double millis) {
    }

    /**
     * The gaps counted against the kernel's own count of switches for the same threads
     * ({@code /proc/self/task/<tid>/status} and {@code schedstat}); null where not readable.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SwitchCheck(long gaps, Long nonvoluntarySwitches, Long voluntarySwitches,
                              Long schedstatTimeslices, Double gapMillis, Double schedstatWaitMillis) {
    }
}
