package org.racelab.harness.bench;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.racelab.bench.BenchJvm;
import org.racelab.harness.bundle.BenchFailure;
import org.racelab.harness.bundle.BenchResult;
import org.racelab.harness.bundle.BenchScore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JMH's results, as the bundle's records. */
final class BenchResults {

    private BenchResults() {
    }

    static BenchResult of(BenchmarkResult r) {
        BenchmarkParams p = r.getParams();
        Result<?> primary = r.getPrimaryResult();
        Map<String, BenchScore> secondary = new LinkedHashMap<>();
        for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
            Result<?> s = e.getValue();
            secondary.put(e.getKey(), BenchScore.of(s.getScore(), s.getScoreError(), s.getScoreUnit()));
        }
        return new BenchResult(BenchNames.shortName(p.getBenchmark()), p.getBenchmark(), p.getMode().shortLabel(),
                kind(p.getMode()), driver(List.copyOf(p.getJvmArgs())), BenchNames.params(p),
                Forks.primary(r, BenchScore.of(primary.getScore(), primary.getScoreError(), primary.getScoreUnit())),
                primary.getSampleCount(), secondary.isEmpty() ? null : secondary,
                p.getJdkVersion(), p.getVmName(), p.getVmVersion(), List.copyOf(p.getJvmArgs()));
    }

    static BenchFailure failure(JmhConsole.Failure f) {
        return new BenchFailure(BenchNames.shortName(f.params().getBenchmark()), BenchNames.params(f.params()), f.reason());
    }

    /** Throughput is operations per time (higher is better); every other mode is time per operation. */
    static String kind(Mode mode) {
        return mode == Mode.Throughput ? "throughput" : "latency";
    }

    static String driver(List<String> jvmArgs) {
        return jvmArgs.contains(BenchJvm.VIRTUAL_DRIVER) ? "virtual" : "platform";
    }
}
