package org.racelab.harness.bundle;

import java.util.Map;

/** A benchmark that JMH could not measure: it threw, or its forked JVM failed. */
public record BenchFailure(String benchmark, Map<String, String> params, String reason) {
    public BenchFailure {
        benchmark = Records.text(benchmark);
        params = Records.map(params);
        reason = Records.text(reason);
    }

}
