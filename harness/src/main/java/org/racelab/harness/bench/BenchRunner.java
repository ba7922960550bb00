package org.racelab.harness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Version;
import org.racelab.bench.BenchJvm;
import org.racelab.harness.bundle.BenchFailure;
import org.racelab.harness.bundle.BenchResult;
import org.racelab.harness.bundle.BenchSection;
import org.racelab.harness.bundle.Json;
import org.racelab.harness.profile.JmhBudget;
import org.racelab.harness.progress.ProgressListener;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the selected benchmarks through JMH's Runner API, in this JVM, and turns what JMH
 * measured into the bundle's bench section.
 *
 * <p>JMH forks a JVM per benchmark with this JVM's class path (the harness jar carries
 * {@code META-INF/BenchmarkList}), so the figures come from fresh JVMs; this JVM only
 * coordinates. JMH's console output goes to {@code raw/jmh-console.log} and its JSON to
 * {@code raw/jmh-result.json}. A benchmark that fails does not stop the others
 * ({@code failOnError=false}); it is listed in the section's failures.
 */
public final class BenchRunner {

    public static final String CONSOLE_LOG = "jmh-console.log";
    public static final String RESULT_JSON = "jmh-result.json";
    /** Passed to every forked JVM, after the benchmarks' own options. */
    static final List<String> JVM_ARGS = List.of("--enable-native-access=ALL-UNNAMED", BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX);

    private volatile JmhConsole console;
    private volatile String stopReason;

    /** Stops the run from another thread (Ctrl-C): the running fork ends, results so far are kept. */
    public void stop(String reason) {
        stopReason = reason;
        JmhConsole c = console;
        if (c != null) {
            c.stop(reason);
        }
        ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("org.openjdk.jmh.runner.ForkedMain"))
                .forEach(ProcessHandle::destroy);
    }

    public BenchSection run(BenchRequest request, ProgressListener progress) throws IOException {
        BenchPlan plan = BenchPlan.of(request.include(), request.params());
        int cpus = Runtime.getRuntime().availableProcessors();
        Files.createDirectories(request.rawDir());
        Path log = request.rawDir().resolve(CONSOLE_LOG);
        Path json = request.rawDir().resolve(RESULT_JSON);
        String raw = request.rawDir().getFileName() + "/";
        long started = System.nanoTime();
        String problem = null;
        JmhConsole c;
        List<Path> parts = new ArrayList<>();
        try (PrintStream logStream = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            c = new JmhConsole(OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL),
                    progress, plan.configurations());
            console = c;
            if (stopReason != null) {
                c.stop(stopReason);
            }
            progress.started("bench", plan.configurations(), estimateSeconds(plan, request));
            try {
                if (plan.isEmpty()) {
                    throw new NoBenchmarksException();
                }
                for (BenchPlan.Pass pass : plan.passes()) {
                    Path part = request.rawDir().resolve("jmh-result-" + (parts.size() + 1) + ".json");
                    parts.add(part);
                    new Runner(options(request, pass, part).build(), c).run();
                }
            } catch (JmhConsole.Stopped e) {
                problem = e.getMessage();
            } catch (NoBenchmarksException e) {
                problem = "no benchmark matches '" + request.include() + "'";
            } catch (RunnerException e) {
                problem = "JMH stopped: " + firstLine(e);
            } catch (RuntimeException e) {
                problem = "JMH stopped: " + e;
            } finally {
                progress.finished();
                console = null;
                mergeJson(parts, json);
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<BenchResult> results = c.results().stream().map(BenchResults::of).toList();
        List<BenchFailure> failures = c.failures().stream().map(BenchResults::failure).toList();
        if (problem == null && stopReason != null) {
            problem = stopReason;
        }
        if (problem == null && !failures.isEmpty()) {
            problem = failures.size() + " of " + plan.configurations() + " benchmarks failed";
        }
        String jdk = results.isEmpty() ? Runtime.version().toString() : results.get(0).jdkVersion();
        String vm = results.isEmpty() ? System.getProperty("java.vm.name") : results.get(0).vmName();
        return new BenchSection("jmh " + Version.getPlainVersion(), request.include(), cpus, jdk, vm,
                request.budget().toBundle(), plan.configurations(), problem == null, problem, elapsed,
                Files.exists(json) ? raw + RESULT_JSON : null, raw + CONSOLE_LOG,
                results, Ratios.of(RatioQuestions.SUITE, results), failures,
                plan.headlineConfigurations() > 0 ? request.headlineBudget().toBundle() : null);
    }

    /** What the plan takes at least: each configuration at its budget. */
    static long estimateSeconds(BenchPlan plan, BenchRequest request) {
        long headline = plan.headlineConfigurations();
        long rest = plan.configurations() - headline;
        return (headline * request.headlineBudget().perBenchmark().toMillis()
                + rest * request.budget().perBenchmark().toMillis()) / 1000;
    }

    /**
     * JMH writes one JSON array per run; the passes' arrays become one, in JMH's own format, so
     * that JMH Visualizer reads the section as one run. A pass that wrote nothing (stopped) adds
     * nothing, and the parts are removed.
     */
    static void mergeJson(List<Path> parts, Path json) {
        ObjectMapper mapper = Json.mapper();
        ArrayNode all = mapper.createArrayNode();
        boolean any = false;
        for (Path part : parts) {
            try {
                if (Files.isRegularFile(part)) {
                    JsonNode n = mapper.readTree(part.toFile());
                    if (n != null && n.isArray()) {
                        all.addAll((ArrayNode) n);
                        any = true;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // a part JMH left half-written (stopped mid-write): the bundle still holds every figure
            }
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                // left beside the merged file; harmless
            }
        }
        if (any) {
            try {
                mapper.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), all);
            } catch (IOException e) {
                // the bundle keeps every figure; only JMH's own copy is missing
            }
        }
    }

    static ChainedOptionsBuilder options(BenchRequest request, BenchPlan.Pass pass, Path json) {
        JmhBudget b = pass.headline() ? request.headlineBudget() : request.budget();
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include(pass.include())
                .forks(b.forks())
                .warmupIterations(b.warmupIterations())
                .warmupTime(TimeValue.milliseconds(b.warmupMillis()))
                .measurementIterations(b.measurementIterations())
                .measurementTime(TimeValue.milliseconds(b.measurementMillis()))
                .jvm(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                // Not this JVM's own options (JMH's default): a fork gets the same flags wherever racelab runs.
                .jvmArgs()
                .jvmArgsAppend(forkArgs().toArray(String[]::new))
                .shouldFailOnError(false)
                .timeout(TimeValue.minutes(2))
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        for (String exclude : pass.exclude()) {
            o.exclude(exclude);
        }
        for (Map.Entry<String, List<String>> p : pass.params().entrySet()) {
            o.param(p.getKey(), p.getValue().toArray(String[]::new));
        }
        return o;
    }

    /**
     * {@link #JVM_ARGS}, and on JDK 23+ (whose forks warn that JMH uses sun.misc.Unsafe) the
     * option that allows it: the fork runs on this JVM, so this JVM's version is the fork's.
     */
    static List<String> forkArgs() {
        if (Runtime.version().feature() < 23) {
            return JVM_ARGS;
        }
        List<String> args = new java.util.ArrayList<>(JVM_ARGS);
        args.add("--sun-misc-unsafe-memory-access=allow");
        return List.copyOf(args);
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
