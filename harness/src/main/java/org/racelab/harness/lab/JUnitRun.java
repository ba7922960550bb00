package org.racelab.harness.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.racelab.harness.bundle.LabSection.JUnitCase;
import org.racelab.harness.bundle.Verdict;
import org.racelab.harness.vm.ChildJvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs an assignment's JUnit tests in a child JVM ({@link JUnitMain}) with a heap limit, a time
 * limit and a cap on its console, and reads back what it wrote, test by test.
 */
final class JUnitRun {

    static final String RESULTS = "junit-results.jsonl";
    static final String CONSOLE = "junit-console.log";
    /** What a student's tests may print before their JVM is stopped as flooding its console. */
    static final long OUTPUT_CAP = 1024 * 1024;

    private final ChildJvm jvm;

    JUnitRun(ChildJvm jvm) {
        this.jvm = jvm;
    }

    /** What ran, and why the run is incomplete (null when it is not). */
    record Outcome(List<JUnitCase> cases, String problem) {
    }

    Outcome run(Path classes, List<String> testClasses, Path rawDir, Duration timeout, List<String> heap)
            throws IOException {
        Files.createDirectories(rawDir);
        Path results = rawDir.resolve(RESULTS);
        Files.deleteIfExists(results);
        List<String> args = new ArrayList<>();
        args.add(results.toAbsolutePath().toString());
        args.addAll(testClasses);
        ChildJvm.Ending ending = jvm.run(ChildJvm.command(heap, classes, JUnitMain.class.getName(), args),
                rawDir, rawDir.resolve(CONSOLE), timeout, line -> { });
        return read(results, testClasses, ending);
    }

    /**
     * The results file, test by test. A test that started and never finished is an error: where the
     * JVM ended, or, in a JVM that ended normally, a test whose result could not be recorded. A test
     * found before the run ({@code planned}) that never started is not run: it stays in the count.
     */
    static Outcome read(Path results, List<String> testClasses, ChildJvm.Ending ending) throws IOException {
        Map<String, JUnitCase> cases = new LinkedHashMap<>();
        Set<String> running = new LinkedHashSet<>();
        Set<String> planned = new LinkedHashSet<>();
        Set<String> classFailed = new LinkedHashSet<>();
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.exists(results) ? Files.readAllLines(results, StandardCharsets.UTF_8) : List.of();
        for (String line : lines) {
            JsonNode e;
            try {
                e = json.readTree(line);
            } catch (IOException torn) {
                continue; // the last line of a JVM killed while it wrote
            }
            String cls = e.path("class").asText("-");
            String method = e.path("method").asText("-");
            String key = cls + "#" + method;
            switch (e.path("event").asText()) {
                case "planned" -> planned.add(key);
                case "started" -> running.add(key);
                case "finished" -> {
                    cases.put(key, new JUnitCase(cls, method, Verdict.of(e.path("status").asText("UNKNOWN")),
                            e.path("message").isMissingNode() ? null : e.path("message").asText(),
                            e.path("seconds").asDouble()));
                    running.remove(key);
                }
                case "class-failed" -> {
                    classFailed.add(cls);
                    cases.put(cls + "#-", new JUnitCase(cls, "(class)", Verdict.FAILED,
                            e.path("message").asText(null), 0));
                }
                default -> {
                }
            }
        }
        String problem = null;
        String how = null;
        boolean normal = ending.exitCode() == 0 && !ending.stopped();
        if (!normal) {
            how = ending.stopped() ? ending.stopReason()
                    : "it ended with exit code " + ending.exitCode() + (ending.exitCode() == 1 || ending.exitCode() > 128
                    ? "" : " (did the code call System.exit?)");
            problem = "the JVM of the JUnit tests did not finish normally: " + how;
        }
        for (String key : running) {
            String[] cm = key.split("#", 2);
            cases.put(key, new JUnitCase(cm[0], cm[1], Verdict.ERROR, normal
                    ? "the test started and its result was never recorded" : "the JVM ended while this test ran: " + how, 0));
        }
        Map<String, JUnitCase> all = new LinkedHashMap<>();
        for (String key : planned) {
            String[] cm = key.split("#", 2);
            JUnitCase ran = cases.remove(key);
            if (ran != null) {
                all.put(key, ran);
            } else if (!classFailed.contains(cm[0])) {
                all.put(key, new JUnitCase(cm[0], cm[1], Verdict.NOT_RUN, normal ? "the test never started"
                        : "the JVM ended before this test (" + how + ")", 0));
            }
        }
        all.putAll(cases);
        cases = all;
        for (String cls : testClasses) {
            boolean any = cases.values().stream().anyMatch(c -> c.testClass().equals(cls));
            if (!any) {
                cases.put(cls + "#-", new JUnitCase(cls, "(class)", normal ? Verdict.FAILED : Verdict.NOT_RUN,
                        normal ? "no test method ran in this class" : "not run: " + problem, 0));
            }
        }
        return new Outcome(List.copyOf(cases.values()), problem);
    }
}
