package org.racelab.harness.vm;

import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A JVM that a runner starts for work that must not run in racelab's own: JCStress, a
 * configuration with its own carrier count, an experiment that measures a fresh process.
 *
 * <p>It runs on the same Java as racelab, with racelab's class path (after whatever the caller
 * puts first), its console goes line by line to a log file and to a listener, a watchdog stops
 * it when it takes too long, and {@link #stop} from another thread (Ctrl-C) ends it.
 *
 * <p>Stopping is graceful first: the child is asked to end (SIGTERM), so that it can save what
 * it measured (JCStress's host closes its results file, see {@code JCStressMain}); only if it
 * has not ended after the grace period is the whole process tree killed (JCStress forks JVMs of
 * its own). And every child is {@link Tethered}: its standard input is a pipe that only this
 * racelab process holds open, so the child ends when racelab dies, even by {@code kill -9}.
 */
public final class ChildJvm {

    /** How long a child asked to stop may take to save what it has, before it is killed. */
    public static final Duration GRACE = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 50;

    private final long graceNanos;
    private volatile long outputCap = Long.MAX_VALUE;
    private volatile Process process;
    private volatile String stopReason;

    /** How the child ended. */
    public record Ending(int exitCode, String stopReason) {
        /** Stopped by racelab: by the watchdog or by {@link #stop}. */
        public boolean stopped() {
            return stopReason != null;
        }
    }

    public ChildJvm() {
        this(GRACE);
    }

    /** @param grace how long a child asked to stop may take before it is killed */
    public ChildJvm(Duration grace) {
        this.graceNanos = saturatedNanos(grace);
    }

    /**
     * Caps the child's console: past {@code bytes} characters the log keeps nothing more and the
     * child is stopped, its reason saying it flooded its output. For code racelab does not trust
     * (a student's), which may print without end.
     */
    public ChildJvm capOutput(long bytes) {
        this.outputCap = bytes;
        return this;
    }

    /**
     * {@code java <jvmArgs> -cp <first>:<racelab's class path> Tethered <mainClass> <args>}: the
     * child runs {@code mainClass}, and ends when racelab does.
     */
    public static List<String> command(List<String> jvmArgs, Path classpathFirst, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        // absolute: a child may run in another folder (JCStress runs in raw/), and racelab may have
        // been started as 'java -jar harness/target/racelab.jar'
        String own = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isEmpty()).map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        cmd.add(classpathFirst == null ? own : classpathFirst.toAbsolutePath() + File.pathSeparator + own);
        cmd.add(Tethered.class.getName());
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Runs the command to its end, or until the watchdog or {@link #stop} ends it.
     *
     * @param workDir where it runs (null: racelab's own working directory)
     * @param log     where its console goes, stdout and stderr together
     * @param timeout the watchdog: how long it may run before it is stopped (any length; a
     *                very long one simply never trips)
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
        // the tether: held open, never written, closed when the child has ended (or by the OS when racelab dies)
        OutputStream lifeline = p.getOutputStream();
        if (stopReason != null) {
            destroyTree(p);
        }
        Thread pump = Thread.ofPlatform().daemon().name("child-jvm-console").start(() -> pump(p, log, onLine));
        try {
            String forced = await(p, timeout);
            p.waitFor(10, TimeUnit.SECONDS);
            pump.join(TimeUnit.SECONDS.toMillis(5));
            if (forced != null) {
                stopReason = stopReason + forced;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopReason = "interrupted";
            destroyTree(p);
        } finally {
            closeQuietly(lifeline);
        }
        String reason = stopReason;
        stopReason = null;
        process = null;
        return new Ending(p.isAlive() ? -1 : p.exitValue(), reason);
    }

    /**
     * Waits for the child to end; trips the watchdog, and kills the tree when a stop is not
     * obeyed within the grace period. Returns what to add to the stop reason when it had to kill.
     */
    private String await(Process p, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long limit = saturatedNanos(timeout);
        long stopAsked = 0;
        boolean asked = false;
        while (!p.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            long now = System.nanoTime();
            if (stopReason == null && now - start >= limit) {
                stopReason = "did not finish within " + timeout.toSeconds() + " s; it was stopped";
                askToEnd(p);
            }
            if (stopReason != null && !asked) {
                asked = true;
                stopAsked = now;
            } else if (asked && now - stopAsked >= graceNanos) {
                destroyTree(p);
                return " (it did not end within " + TimeUnit.NANOSECONDS.toSeconds(graceNanos)
                        + " s of being asked to, and was killed)";
            }
        }
        return null;
    }

    /**
     * Asks the running child to end (SIGTERM), so that it keeps what it measured; {@link #run}
     * kills it and everything it started if it has not ended within the grace period.
     */
    public void stop(String reason) {
        stopReason = reason;
        Process p = process;
        if (p != null) {
            askToEnd(p);
        }
    }

    /**
     * SIGTERM, through the process's handle: {@code Process.destroy()} would also close the pipes,
     * and with them the tether and the rest of the child's console, which says what it kept.
     */
    private static void askToEnd(Process p) {
        p.toHandle().destroy();
    }

    private static void destroyTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.toHandle().destroyForcibly();
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            // the child is gone already
        }
    }

    /** The longest line racelab keeps whole: a longer one is cut into pieces of this size. */
    static final int MAX_LINE = 64 * 1024;

    private void pump(Process p, Path log, Consumer<String> onLine) {
        try (java.io.Reader in = new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8);
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            char[] buf = new char[8192];
            StringBuilder line = new StringBuilder();
            long written = 0;
            boolean flooded = false;
            int n;
            while ((n = in.read(buf)) > 0) {
                if (flooded) {
                    continue; // drain, so the child never blocks on a full pipe while it is stopped
                }
                for (int i = 0; i < n && !flooded; i++) {
                    char c = buf[i];
                    if (c != '\n' && line.length() < MAX_LINE) {
                        line.append(c);
                        continue;
                    }
                    written += line.length() + 1L;
                    if (written > outputCap) {
                        flooded = true;
                        out.println("[racelab: output cut here, past " + outputCap + " characters]");
                        stop("flooded its console with more than " + outputCap / 1024 + " KiB of output; it was stopped");
                        break;
                    }
                    String text = stripCr(line);
                    out.println(text);
                    onLine.accept(text);
                    line.setLength(0);
                    if (c != '\n') {
                        line.append(c);
                    }
                }
            }
            if (!flooded && !line.isEmpty()) {
                String text = stripCr(line);
                out.println(text);
                onLine.accept(text);
            }
        } catch (IOException e) {
            // the process was stopped under us: the log keeps what it had
        }
    }

    private static String stripCr(StringBuilder line) {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }
}
