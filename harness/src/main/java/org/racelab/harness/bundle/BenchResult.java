package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * One benchmark at one set of parameters, as JMH measured it.
 *
 * @param benchmark  the short name, {@code Class.method}, e.g. {@code ThreadStartJoin.virtualFromVirtual}
 * @param fullName   JMH's name, with the package
 * @param kind       {@code latency} (time per operation: lower is better) or {@code throughput}
 *                   (operations per time: higher is better)
 * @param driver     the kind of thread JMH's worker was: {@code platform} or {@code virtual}
 * @param samples    measured iterations, over all forks
 * @param secondary  JMH's secondary results (e.g. {@code lostUpdates}, {@code tasks}), by name
 * @param jvmArgs    the forked JVM's options
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchResult(String benchmark, String fullName, String mode, String kind, String driver,
                          Map<String, String> params, BenchScore primary, long samples,
                          Map<String, BenchScore> secondary, String jdkVersion, String vmName,
                          String vmVersion, List<String> jvmArgs) {
    public BenchResult {
        benchmark = Records.text(benchmark);
        params = Records.map(params);
        secondary = Records.map(secondary);
        jvmArgs = Records.list(jvmArgs);
    }

}
