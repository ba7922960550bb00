package org.racelab.harness.bench;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.racelab.harness.progress.ProgressListener;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * JMH's output, seen on its way to the console log: it passes everything on to JMH's own text
 * format (which writes {@code raw/jmh-console.log}), and on the way keeps each benchmark's
 * result as it ends, notes each one that fails, and reports progress.
 *
 * <p>A benchmark has failed when JMH started it and ended it without a result (it calls
 * {@code endBenchmark(null)}, or not at all when the host gave up on the fork). The reason is
 * the first line JMH prints after {@code <failure>} (the exception), or its line about the
 * forked VM's exit code.
 */
final class JmhConsole implements OutputFormat {

    /** Thrown into JMH's runner to stop it between two benchmarks. */
    static final class Stopped extends RuntimeException {
        Stopped(String reason) {
            super(reason, null, false, false);
        }
    }

    record Failure(BenchmarkParams params, String reason) {
    }

    private final OutputFormat log;
    private final ProgressListener progress;
    private final int planned;
    private final List<BenchmarkResult> results = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();

    private volatile String stopReason;
    private BenchmarkParams current;
    private String failure;
    private boolean afterFailureMark;
    private int ended;

    JmhConsole(OutputFormat log, ProgressListener progress, int planned) {
        this.log = log;
        this.progress = progress;
        this.planned = planned;
    }

    void stop(String reason) {
        stopReason = reason;
    }

    synchronized List<BenchmarkResult> results() {
        return List.copyOf(results);
    }

    synchronized List<Failure> failures() {
        List<Failure> all = new ArrayList<>(failures);
        if (current != null) {
            all.add(new Failure(current, reason("JMH stopped during this benchmark")));
        }
        return all;
    }

    /** A stop explains a failure best (its fork was ended on purpose), then what JMH printed. */
    private String reason(String otherwise) {
        if (stopReason != null) {
            return "stopped: " + stopReason;
        }
        return failure != null ? failure : otherwise;
    }

    @Override
    public synchronized void startBenchmark(BenchmarkParams params) {
        if (stopReason != null) {
            throw new Stopped(stopReason);
        }
        current = params;
        failure = null;
        afterFailureMark = false;
        progress.progressed(ended, planned, BenchNames.label(params));
        log.startBenchmark(params);
    }

    @Override
    public synchronized void endBenchmark(BenchmarkResult result) {
        log.endBenchmark(result);
        if (current != null) {
            if (result != null && !result.getIterationResults().isEmpty()) {
                results.add(result);
            } else {
                failures.add(new Failure(current, reason("JMH returned no result (see " + BenchRunner.CONSOLE_LOG + ")")));
            }
        }
        current = null;
        ended++;
        progress.progressed(ended, planned, "");
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        log.iteration(benchParams, params, iteration);
        progress.progressed(ended, planned, BenchNames.label(benchParams) + " " + params.getType().name().toLowerCase()
                + " " + iteration + "/" + params.getCount());
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
        log.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void startRun() {
        log.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        log.endRun(result);
    }

    @Override
    public void print(String s) {
        log.print(s);
    }

    @Override
    public void println(String s) {
        log.println(s);
        watch(s);
    }

    private synchronized void watch(String s) {
        if (current == null || s == null) {
            return;
        }
        if (s.startsWith("<failure>")) {
            afterFailureMark = true;
        } else if (afterFailureMark && failure == null && !s.isBlank()) {
            failure = s.strip().lines().findFirst().orElse(s.strip());
        } else if (s.startsWith("<forked VM failed with exit code") && failure == null) {
            failure = s.strip();
        } else if (s.startsWith("<failed to invoke the VM") && failure == null) {
            failure = s.strip();
        }
    }

    @Override
    public void flush() {
        log.flush();
    }

    @Override
    public void close() {
        // racelab runs JMH once per pass with this one console: the log stream is closed by
        // BenchRunner after the last pass, not by a pass's Runner.
        log.flush();
    }

    @Override
    public void verbosePrintln(String s) {
        log.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        log.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        log.write(b);
    }
}
