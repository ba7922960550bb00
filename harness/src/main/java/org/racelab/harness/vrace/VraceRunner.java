package org.racelab.harness.vrace;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.racelab.harness.bundle.Json;
import org.racelab.harness.bundle.VraceSection;
import org.racelab.harness.progress.ProgressListener;
import org.racelab.harness.vm.ChildJvm;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.racelab.harness.catalog.StressTest;

/**
 * Runs the JCStress test classes with their actors on virtual threads, one child JVM per
 * configuration, since the number of carriers ({@code jdk.virtualThreadScheduler.parallelism})
 * is fixed when a JVM starts. The control, platform threads, runs in a JVM of its own as well.
 */
public final class VraceRunner {

    /**
     * A virtual-thread JVM's console holds a line per test; code under test that prints without
     * end (a student's) is stopped here rather than fill the disk.
     */
    public static final long OUTPUT_CAP = 8L * 1024 * 1024;

    private final ChildJvm jvm = new ChildJvm().capOutput(OUTPUT_CAP);
    private volatile String stopReason;

    /** Stops the run from another thread (Ctrl-C): the current JVM is ended, results so far are kept. */
    public void stop(String reason) {
        stopReason = reason;
        jvm.stop(reason);
    }

    public VraceSection run(VraceRequest request, ProgressListener progress) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(request.rawDir());
        List<VraceRequest.Config> configs = request.configs();
        Map<VraceRequest.Config, Map<String, VraceMain.Line>> lines = new HashMap<>();
        String problem = null;
        long total = (long) configs.size() * request.tests().size();
        progress.started("vrace", total, configs.size() * 2L
                + total * request.budget().toMillis() / 1000);
        long done = 0;
        for (VraceRequest.Config config : configs) {
            if (stopReason != null) {
                problem = stopReason;
                break;
            }
            Path out = request.rawDir().resolve(config.fileName());
            String fault = runConfig(request, config, out, done, total, progress);
            Map<String, VraceMain.Line> read = read(out);
            lines.put(config, read);
            done += request.tests().size();
            progress.progressed(done, total, "");
            if (fault != null) {
                problem = config.threads() + (config.carriers() == null ? "" : " on " + config.carriers()
                        + " carriers") + ": " + fault;
                if (stopReason != null) {
                    break;
                }
            }
        }
        progress.finished();
        double elapsed = (System.nanoTime() - started) / 1e9;
        return VraceResults.assemble(request, configs, lines, problem, elapsed);
    }

    /**
     * Runs one configuration's JVM, and a fresh one for the tests left each time a JVM ends
     * because its per-test watchdog gave up on a stuck test; returns why it did not end well, or null.
     */
    private String runConfig(VraceRequest request, VraceRequest.Config config, Path out, long doneBefore, long total,
                             ProgressListener progress) throws IOException {
        List<String> jvmArgs = new ArrayList<>(List.of("-Xms512m", "-Xmx512m"));
        if (config.carriers() != null) {
            jvmArgs.add("-Djdk.virtualThreadScheduler.parallelism=" + config.carriers());
            // without this cap the scheduler may add carriers when one is blocked (pinned)
            jvmArgs.add("-Djdk.virtualThreadScheduler.maxPoolSize=" + config.carriers());
        }
        long[] done = {doneBefore};
        for (int start = 1; ; start++) {
            Set<String> written = read(out).keySet();
            List<String> left = request.tests().stream().map(StressTest::binaryName)
                    .filter(t -> !written.contains(t)).toList();
            if (left.isEmpty()) {
                return null;
            }
            List<String> args = new ArrayList<>(List.of(request.catalog().location().toString(), config.threads(),
                    Long.toString(request.budget().toMillis()), Long.toString(request.grace().toMillis()),
                    Integer.toString(request.stride()), out.toString()));
            args.addAll(left);
            String base = config.fileName().replace(".jsonl", "");
            Path log = request.rawDir().resolve(start == 1 ? base + ".log" : base + ".restart-" + start + ".log");
            ChildJvm.Ending ending = jvm.run(
                    ChildJvm.command(jvmArgs, request.catalog().location(), VraceMain.class.getName(), args),
                    null, log, request.timeout(), line -> {
                        if (line.startsWith("done ")) {
                            progress.progressed(++done[0], total, "");
                        }
                    });
            if (ending.stopped()) {
                return ending.stopReason();
            }
            Map<String, VraceMain.Line> now = read(out);
            long missing = left.stream().filter(t -> !now.containsKey(t)).count();
            if (ending.exitCode() == 0) {
                return missing == 0 ? null : "its JVM ended (exit code 0) before " + missing + " of its "
                        + left.size() + " tests had a result: the code under test may call System.exit (see raw/"
                        + log.getFileName() + ")";
            }
            // a restart is the watchdog's only when it wrote the stuck test's line first: code under
            // test that calls System.exit(3) must not start JVM after JVM for ever
            boolean watchdog = left.stream().map(now::get).anyMatch(l -> l != null && l.watchdogMillis() != null);
            if (ending.exitCode() != VraceMain.RESTART || !watchdog) {
                return "its JVM exited with code " + ending.exitCode()
                        + (ending.exitCode() == VraceMain.RESTART ? " with no stuck test recorded (the code under test"
                        + " may call System.exit)" : "") + " (see raw/" + log.getFileName() + ")";
            }
        }
    }

    /** The lines a child wrote, by test; a line cut short by a crash is left out. */
    static Map<String, VraceMain.Line> read(Path out) {
        Map<String, VraceMain.Line> byTest = new HashMap<>();
        if (!Files.exists(out)) {
            return byTest;
        }
        ObjectMapper json = Json.mapper();
        try (BufferedReader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                try {
                    VraceMain.Line l = json.readValue(line, VraceMain.Line.class);
                    byTest.put(l.test(), l);
                } catch (IOException cutShort) {
                    break;
                }
            }
        } catch (IOException e) {
            return byTest;
        }
        return byTest;
    }
}
