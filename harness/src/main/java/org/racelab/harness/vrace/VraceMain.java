package org.racelab.harness.vrace;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.racelab.harness.bundle.Json;

import java.io.PrintStream;
import java.io.Writer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The JVM that runs the tests of one configuration (thread kind and carrier count) of
 * {@code racelab vrace}: {@code VraceMain LOCATION virtual|platform BUDGET_MS GRACE_MS STRIDE OUT_FILE TEST...}.
 * Carrier parallelism is JVM-wide, so the parent starts one of these per carrier count. Each
 * test's outcome is appended to OUT_FILE as one JSON line as soon as it is known, so a crash
 * or a hang loses only the test at hand.
 *
 * <p>The per-test watchdog: a test whose round has not ended within its budget plus the grace
 * (a termination test: whose sample has not ended within the grace) gets its line, and then this
 * JVM ends with {@link #RESTART}, since a stuck thread cannot be stopped (a virtual thread that
 * spins keeps its carrier for good); the parent starts a fresh JVM for the tests left.
 */
public final class VraceMain {

    /** The exit code that asks the parent for a fresh JVM for the tests after the last one written. */
    public static final int RESTART = 3;

    /**
     * One line of the output file.
     *
     * @param watchdogMillis set when the watchdog gave up on the test: the time limit that decided it
     * @param noProgress     the actors made no progress because one kept every carrier while the
     *                       actor it waited for never ran (set with {@code watchdogMillis})
     */
    public record Line(String test, long samples, long nanos, Map<String, Long> histogram, String error,
                       String unsupported, Long watchdogMillis, Boolean noProgress) {
        Line(String test, long samples, long nanos, Map<String, Long> histogram, String error, String unsupported) {
            this(test, samples, nanos, histogram, error, unsupported, null, null);
        }
    }

    private VraceMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 7) {
            System.err.println("usage: VraceMain LOCATION virtual|platform BUDGET_MS GRACE_MS STRIDE OUT_FILE TEST...");
            System.exit(2);
        }
        Path location = Path.of(args[0]);
        boolean virtual = args[1].equals("virtual");
        long budget = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[2]));
        long grace = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[3]));
        int stride = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        List<String> tests = Arrays.asList(args).subList(6, args.length);
        int cpus = Runtime.getRuntime().availableProcessors();
        int[] allowed = Affinity.allowedCpus();
        int carriers = virtual ? Integer.getInteger("jdk.virtualThreadScheduler.parallelism", cpus) : Integer.MAX_VALUE;
        ObjectMapper json = Json.mapper();
        PrintStream progress = System.out;
        boolean stuck = false;
        try (URLClassLoader loader = new URLClassLoader(new URL[]{location.toUri().toURL()},
                VraceMain.class.getClassLoader());
             Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                     StandardOpenOption.APPEND)) {
            for (String binaryName : tests) {
                Line line = runOne(loader, binaryName, virtual, carriers, cpus, allowed, budget, grace, stride);
                w.write(json.writeValueAsString(line));
                w.write('\n');
                w.flush();
                progress.println("done " + binaryName);
                if (line.watchdogMillis() != null) {
                    stuck = true;
                    break;
                }
            }
        }
        progress.flush();
        if (stuck) {
            // the stuck actor's thread cannot be stopped, nor its carrier freed: end this JVM for a fresh one
            Runtime.getRuntime().halt(RESTART);
        }
    }

    private static Line runOne(ClassLoader loader, String binaryName, boolean virtual, int carriers, int cpus,
                               int[] allowed, long budget, long grace, int stride) {
        TestShape shape;
        try {
            shape = TestShape.of(Class.forName(binaryName, true, loader));
        } catch (UnsupportedShapeException e) {
            return new Line(binaryName, 0, 0, Map.of(), null, e.getMessage());
        } catch (ClassNotFoundException | LinkageError e) {
            return new Line(binaryName, 0, 0, Map.of(), "cannot load the class: " + e, null);
        }
        try {
            if (shape.termination()) {
                TerminationLoop.Outcome o = TerminationLoop.run(shape, virtual, budget, grace);
                return new Line(binaryName, o.samples(), o.nanos(), o.histogram(),
                        o.failure() == null ? null : describe(o.failure()), null,
                        o.stuckAfterNanos() == 0 ? null : TimeUnit.NANOSECONDS.toMillis(grace),
                        o.stuckAfterNanos() == 0 ? null : o.noProgress());
            }
            SampleLoop.Outcome o = SampleLoop.run(shape, virtual, virtual ? carriers : cpus, allowed, budget, grace, stride,
                    SampleLoop.STRIDES);
            if (o.stuckAfterNanos() != 0) {
                // with a carrier for every actor, each runs; a round that never ends is then a hung actor
                return new Line(binaryName, 0, o.stuckAfterNanos(), Map.of(), null, null,
                        TimeUnit.NANOSECONDS.toMillis(o.stuckAfterNanos()), carriers < shape.actorCount());
            }
            String error = o.failure() == null ? null : describe(o.failure());
            return new Line(binaryName, o.samples(), o.nanos(), o.histogram(), error, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Line(binaryName, 0, 0, Map.of(), "interrupted", null);
        }
    }

    private static String describe(Throwable t) {
        List<String> parts = new ArrayList<>();
        parts.add(t.toString());
        for (StackTraceElement e : t.getStackTrace()) {
            parts.add("at " + e);
            if (parts.size() > 4) {
                break;
            }
        }
        return String.join(" ", parts);
    }
}
