package org.racelab.harness.grade;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.racelab.harness.bundle.OutputFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradescope's autograder results ({@code /autograder/results/results.json}): a {@code score},
 * and per test its {@code name}, {@code score}, {@code max_score}, {@code status} ("passed" or
 * "failed") and {@code output}. racelab writes it before the first test runs, every test marked
 * as not run yet, and again at the end: an autograder stopped by its own time limit still finds a
 * valid file that says how far the check got.
 */
public final class Gradescope {

    private Gradescope() {
    }

    /** The file for a grade; {@code extra} goes to the top-level output (e.g. why the run stopped). */
    public static Map<String, Object> results(Grade g, String extra) {
        List<Map<String, Object>> tests = new ArrayList<>();
        for (Grade.Row r : g.rows()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", r.name() + " (" + r.kind() + ")");
            t.put("score", r.points());
            t.put("max_score", r.maxPoints());
            t.put("status", r.passed() ? "passed" : "failed");
            t.put("output", String.join("\n", r.evidence()));
            tests.add(t);
        }
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("score", g.score());
        top.put("output", g.title() + ": " + g.score() + " of " + g.maxScore() + " points"
                + (g.complete() ? "" : " (the run was cut short: tests not reached are marked failed)")
                + (extra == null ? "" : "\n" + extra) + (g.passed() || g.read() == null ? "" : "\nRead next: " + g.read()));
        top.put("tests", tests);
        return top;
    }

    /** Results for a submission that could not be graded at all (it does not compile, the machine has too few CPUs). */
    public static Map<String, Object> ungraded(String why) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("score", 0);
        top.put("output", why);
        top.put("tests", List.of());
        return top;
    }

    public static void write(Path file, Map<String, Object> results) throws IOException {
        byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(results);
        OutputFiles.write(file, out -> out.write(json));
    }
}
