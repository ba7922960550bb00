package org.racelab.harness.vm;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A JVM that a runner starts for work that must not run in racelab's own: JCStress, a
 * configuration with its own carrier count, an experiment that measures a fresh process.
 *
 * <p>It runs on the same Java as racelab, with racelab's class path (after whatever the caller
 * puts first), its console goes line by line to a log file and to a listener, a watchdog stops
 * it when it takes too long, and {@link #stop} from another thread (Ctrl-C) ends it. Stopping
 * always ends the whole process tree: JCStress forks JVMs of its own.
 */
public final class ChildJvm {

    private volatile Process process;
    private volatile String stopReason;

    /** How the child ended. */
    public record Ending(int exitCode, String stopReason) {
        /** Stopped by racelab: by the watchdog or by {@link #stop}. */
        public boolean stopped() {
            return stopReason != null;
        }
    }

    /** {@code java <jvmArgs> -cp <first>:<racelab's class path> <mainClass> <args>}. */
    public static List<String> command(List<String> jvmArgs, Path classpathFirst, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        String own = System.getProperty("java.class.path");
        cmd.add(classpathFirst == null ? own : classpathFirst + File.pathSeparator + own);
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Runs the command to its end, or until the watchdog or {@link #stop} ends it.
     *
     * @param workDir where it runs (null: racelab's own working directory)
     * @param log     where its console goes, stdout and stderr together
     * @param onLine  hears each line of the console as it comes
     */
    public Ending run(List<String> command, Path workDir, Path log, Duration timeout, Consumer<String> onLine)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        Process p = pb.start();
        process = p;
        p.getOutputStream().close();
        if (stopReason != null) {
            destroyTree(p);
        }
        Thread pump = Thread.ofPlatform().daemon().name("child-jvm-console").start(() -> pump(p, log, onLine));
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stopReason = "did not finish within " + timeout.toSeconds() + " s; it was stopped";
                destroyTree(p);
                p.waitFor(10, TimeUnit.SECONDS);
            }
            pump.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopReason = "interrupted";
            destroyTree(p);
        }
        String reason = stopReason;
        stopReason = null;
        process = null;
        return new Ending(p.isAlive() ? -1 : p.exitValue(), reason);
    }

    /** Ends the running child and everything it started; what it wrote so far stays. */
    public void stop(String reason) {
        stopReason = reason;
        Process p = process;
        if (p != null) {
            destroyTree(p);
        }
    }

    private static void destroyTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static void pump(Process p, Path log, Consumer<String> onLine) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                onLine.accept(line);
            }
        } catch (IOException e) {
            // the process was stopped under us: the log keeps what it had
        }
    }
}
