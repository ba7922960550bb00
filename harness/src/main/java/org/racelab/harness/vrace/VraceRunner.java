package org.racelab.harness.vrace;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.racelab.harness.bundle.Json;
import org.racelab.harness.bundle.VraceSection;
import org.racelab.harness.stress.ProgressListener;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the JCStress test classes with their actors on virtual threads, one child JVM per
 * configuration, since the number of carriers ({@code jdk.virtualThreadScheduler.parallelism})
 * is fixed when a JVM starts. The control, platform threads, runs in a JVM of its own as well.
 */
public final class VraceRunner {

    private volatile Process process;
    private volatile String stopReason;

    public void stop(String reason) {
        stopReason = reason;
        Process p = process;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
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
                problem = (config.threads() + (config.carriers() == null ? "" : " on " + config.carriers()
                        + " carriers") + ": " + fault);
                if (stopReason != null) {
                    break;
                }
            }
        }
        progress.finished();
        double elapsed = (System.nanoTime() - started) / 1e9;
        return VraceResults.assemble(request, configs, lines, problem, elapsed);
    }

    /** Runs one configuration's JVM; returns why it did not end well, or null. */
    private String runConfig(VraceRequest request, VraceRequest.Config config, Path out, long doneBefore, long total,
                             ProgressListener progress) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Xms512m");
        cmd.add("-Xmx512m");
        if (config.carriers() != null) {
            cmd.add("-Djdk.virtualThreadScheduler.parallelism=" + config.carriers());
            // without this cap the scheduler may add carriers when one is blocked (pinned)
            cmd.add("-Djdk.virtualThreadScheduler.maxPoolSize=" + config.carriers());
        }
        cmd.add("-cp");
        cmd.add(request.catalog().location() + File.pathSeparator + System.getProperty("java.class.path"));
        cmd.add(VraceMain.class.getName());
        cmd.add(request.catalog().location().toString());
        cmd.add(config.threads());
        cmd.add(Long.toString(request.budget().toMillis()));
        cmd.add(Integer.toString(request.stride()));
        cmd.add(out.toString());
        request.tests().forEach(t -> cmd.add(t.binaryName()));

        Path log = request.rawDir().resolve(config.fileName().replace(".jsonl", ".log"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        process = p;
        if (stopReason != null) {
            stop(stopReason);
        }
        Thread pump = Thread.ofPlatform().daemon().start(() -> pump(p, log, doneBefore, total, progress));
        try {
            if (!p.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                stop("hung");
                stopReason = null;
                return "did not finish within " + request.timeout().toSeconds() + " s (an actor that never returns?); "
                        + "it was stopped";
            }
            pump.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop("interrupted");
        }
        if (stopReason != null) {
            return stopReason;
        }
        return p.exitValue() == 0 ? null : "its JVM exited with code " + p.exitValue() + " (see raw/" + log.getFileName() + ")";
    }

    private static void pump(Process p, Path log, long doneBefore, long total, ProgressListener progress) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             var w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            long done = doneBefore;
            while ((line = in.readLine()) != null) {
                w.write(line);
                w.newLine();
                if (line.startsWith("done ")) {
                    progress.progressed(++done, total, "");
                }
            }
        } catch (IOException e) {
            // the process was stopped under us
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
