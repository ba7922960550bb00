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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The JVM that runs the tests of one configuration (thread kind and carrier count) of
 * {@code racelab vrace}: {@code VraceMain LOCATION virtual|platform BUDGET_MS STRIDE OUT_FILE TEST...}.
 * Carrier parallelism is JVM-wide, so the parent starts one of these per carrier count. Each
 * test's outcome is appended to OUT_FILE as one JSON line as soon as it is known, so a crash
 * or a hang loses only the test at hand.
 */
public final class VraceMain {

    /** One line of the output file. */
    public record Line(String test, long samples, long nanos, Map<String, Long> histogram, String error,
                       String unsupported) {
    }

    private VraceMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: VraceMain LOCATION virtual|platform BUDGET_MS STRIDE OUT_FILE TEST...");
            System.exit(2);
        }
        Path location = Path.of(args[0]);
        boolean virtual = args[1].equals("virtual");
        long budget = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[2]));
        int stride = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        List<String> tests = Arrays.asList(args).subList(5, args.length);
        ObjectMapper json = Json.mapper();
        PrintStream progress = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[]{location.toUri().toURL()},
                VraceMain.class.getClassLoader());
             Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (String binaryName : tests) {
                Line line = runOne(loader, binaryName, virtual, budget, stride);
                w.write(json.writeValueAsString(line));
                w.write('\n');
                w.flush();
                progress.println("done " + binaryName);
            }
        }
    }

    private static Line runOne(ClassLoader loader, String binaryName, boolean virtual, long budget, int stride) {
        TestShape shape;
        try {
            shape = TestShape.of(Class.forName(binaryName, true, loader));
        } catch (UnsupportedShapeException e) {
            return new Line(binaryName, 0, 0, Map.of(), null, e.getMessage());
        } catch (ClassNotFoundException | LinkageError e) {
            return new Line(binaryName, 0, 0, Map.of(), "cannot load the class: " + e, null);
        }
        try {
            SampleLoop.Outcome o = SampleLoop.run(shape, virtual, budget, stride);
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
