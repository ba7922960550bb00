package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What JMH measured: one entry per benchmark and parameter set, the comparisons drawn from
 * them, and the benchmarks that failed.
 *
 * @param tool        the benchmark tool and its version, e.g. {@code jmh 1.37}
 * @param include     the regular expression that selected the benchmarks
 * @param cpus        the processors the JVM saw: every figure here depends on it
 * @param planned     benchmark configurations (benchmark x parameters) the selection holds
 * @param complete    false when the run was stopped before the end or a benchmark failed
 * @param incomplete  why not (null when complete)
 * @param rawJson     JMH's own JSON result (JMH Visualizer reads it), relative to the bundle folder
 * @param rawConsole  JMH's console output, relative to the bundle folder
 * @param headlineBudget the iterations of a configuration behind a headline figure (several
 *                    forks); null in a bundle from before headline figures had their own
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchSection(String tool, String include, int cpus, String jdkVersion, String vmName,
                           JmhIterations budget, int planned, boolean complete, String incomplete,
                           double elapsedSeconds, String rawJson, String rawConsole,
                           List<BenchResult> results, List<BenchRatio> ratios, List<BenchFailure> failures,
                           JmhIterations headlineBudget) {
    public BenchSection {
        results = Records.list(results);
        ratios = Records.list(ratios);
        failures = Records.list(failures);
    }

    public BenchSection(String tool, String include, int cpus, String jdkVersion, String vmName,
                        JmhIterations budget, int planned, boolean complete, String incomplete,
                        double elapsedSeconds, String rawJson, String rawConsole,
                        List<BenchResult> results, List<BenchRatio> ratios, List<BenchFailure> failures) {
        this(tool, include, cpus, jdkVersion, vmName, budget, planned, complete, incomplete, elapsedSeconds, rawJson,
                rawConsole, results, ratios, failures, null);
    }

}
