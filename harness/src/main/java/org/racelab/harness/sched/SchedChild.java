package org.racelab.harness.sched;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.racelab.harness.bundle.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM one experiment runs in: {@code SchedChild OUT.json EXPERIMENT key=value...}. The
 * number of carriers of the virtual-thread scheduler is fixed for the life of a JVM, so each
 * carrier count needs a JVM of its own; and a fresh JVM measures memory without what the parent
 * holds. Writes a {@link ChildResult} to {@code OUT.json}; exit code 0, or 1 with the stack trace
 * on stderr.
 */
public final class SchedChild {

    private SchedChild() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SchedChild OUT.json EXPERIMENT key=value...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Map<String, String> p = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            p.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        ChildResult result = run(args[1], p);
        Json.mapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
        // Footprint leaves parked threads behind; the result is written, nothing else is owed.
        System.exit(0);
    }

    static ChildResult run(String experiment, Map<String, String> p) throws InterruptedException, IOException {
        LinuxReadings linux = new LinuxReadings();
        switch (experiment) {
            case "timeslice" -> {
                TimesliceExperiment.Result r = TimesliceExperiment.run(integer(p, "threads"), number(p, "seconds"),
                        (long) number(p, "thresholdNanos"), linux);
                if (p.containsKey("gaps")) {
                    Files.writeString(Path.of(p.get("gaps")), ClockGaps.format(r.gaps()), StandardCharsets.UTF_8);
                }
                return new ChildResult(r.timeslice(), null, null, null, r.missing());
            }
            case "carriers" -> {
                return new ChildResult(null, CarriersExperiment.run(integer(p, "threads"), integer(p, "rounds"),
                        number(p, "computeMillis"), number(p, "blockMillis")), null, null, List.of());
            }
            case "preemption" -> {
                return new ChildResult(null, null, PreemptionExperiment.run(p.get("kind").equals("virtual"),
                        integer(p, "threads"), (long) number(p, "iterations")), null, List.of());
            }
            case "footprint" -> {
                var run = FootprintExperiment.run(p.get("kind").equals("virtual"), integer(p, "threads"), linux);
                return new ChildResult(null, null, null, run, FootprintExperiment.missing(run, linux));
            }
            default -> throw new IllegalArgumentException("no experiment '" + experiment + "'");
        }
    }

    private static int integer(Map<String, String> p, String key) {
        return Integer.parseInt(required(p, key));
    }

    private static double number(Map<String, String> p, String key) {
        return Double.parseDouble(required(p, key));
    }

    private static String required(Map<String, String> p, String key) {
        String v = p.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key + "=");
        }
        return v;
    }
}
