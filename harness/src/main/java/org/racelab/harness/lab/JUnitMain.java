package org.racelab.harness.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The child JVM that runs an assignment's JUnit tests over the student's classes: the only JVM
 * besides JCStress's forks in which a student's class is loaded. Each test's start and end is
 * written to the results file the moment it happens, one JSON line each, so a JVM that a
 * submission ends ({@code System.exit}, a crash, the time limit) still leaves which test it was in.
 * Before any test runs, every test method found is written too ({@code planned}): the tests such
 * a JVM never reached still count, as not run, and the points stay a share of all of them.
 *
 * <p>Arguments: {@code RESULTS_FILE TEST_CLASS...}; the class path holds the compiled classes.
 * A test that runs past {@value #TEST_TIMEOUT} is failed by JUnit itself, in a thread of its own.
 */
public final class JUnitMain {

    static final String TEST_TIMEOUT = "60 s";

    private JUnitMain() {
    }

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args[0]);
        ObjectMapper json = new ObjectMapper();
        Map<String, Long> started = new ConcurrentHashMap<>();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(args, 1, args.length).map(DiscoverySelectors::selectClass).toList())
                .configurationParameter("junit.jupiter.execution.timeout.default", TEST_TIMEOUT)
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void testPlanExecutionStarted(TestPlan plan) {
                for (TestIdentifier root : plan.getRoots()) {
                    for (TestIdentifier id : plan.getDescendants(root)) {
                        method(id).ifPresent(m -> write(results, json, event("planned", m, null, null, 0)));
                    }
                }
            }

            @Override
            public void executionStarted(TestIdentifier id) {
                method(id).ifPresent(m -> {
                    started.put(id.getUniqueId(), System.nanoTime());
                    write(results, json, event("started", m, null, null, 0));
                });
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                method(id).ifPresent(m -> write(results, json, event("finished", m, "SKIPPED", reason, 0)));
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (method(id).isEmpty()) {
                    // a class that cannot even start (its constructor or @BeforeAll threw) fails all its tests
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && id.getSource().isPresent()
                            && id.getSource().get() instanceof org.junit.platform.engine.support.descriptor.ClassSource c) {
                        write(results, json, classFailed(c.getClassName(), message(result)));
                    }
                    return;
                }
                MethodSource m = method(id).get();
                Long t0 = started.remove(id.getUniqueId());
                double seconds = t0 == null ? 0 : (System.nanoTime() - t0) / 1e9;
                String status = switch (result.getStatus()) {
                    case SUCCESSFUL -> "PASSED";
                    case ABORTED -> "SKIPPED";
                    case FAILED -> "FAILED";
                };
                write(results, json, event("finished", m, status, message(result), seconds));
            }
        });
        System.exit(0);
    }

    private static java.util.Optional<MethodSource> method(TestIdentifier id) {
        return id.isTest() && id.getSource().isPresent() && id.getSource().get() instanceof MethodSource m
                ? java.util.Optional.of(m) : java.util.Optional.empty();
    }

    private static Map<String, Object> event(String kind, MethodSource m, String status, String message, double seconds) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("event", kind);
        e.put("class", m.getClassName());
        e.put("method", m.getMethodName());
        if (status != null) {
            e.put("status", status);
            e.put("seconds", Math.round(seconds * 1000) / 1000.0);
        }
        if (message != null) {
            e.put("message", message);
        }
        return e;
    }

    private static Map<String, Object> classFailed(String className, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("event", "class-failed");
        e.put("class", className);
        e.put("status", "FAILED");
        e.put("message", message);
        return e;
    }

    /** The failure in a few lines: the exception's class and message, and where in the tests it was thrown. */
    private static String message(TestExecutionResult result) {
        return result.getThrowable().map(t -> {
            StringBuilder s = new StringBuilder(t instanceof AssertionError ? "" : t.getClass().getName() + ": ");
            s.append(t.getMessage() == null ? "" : t.getMessage());
            StackTraceElement[] stack = t.getStackTrace();
            for (StackTraceElement e : stack) {
                if (!e.getClassName().startsWith("org.junit.") && !e.getClassName().startsWith("java.")
                        && !e.getClassName().startsWith("jdk.")) {
                    s.append(" (at ").append(e.getFileName()).append(':').append(e.getLineNumber()).append(')');
                    break;
                }
            }
            String text = s.toString().strip();
            return wellFormed(text.length() > 1000 ? text.substring(0, 997) + "..." : text);
        }).orElse(null);
    }

    /**
     * The text with each lone surrogate (a message that holds one, or a pair cut in two) as '?': a
     * results line that cannot be written in UTF-8 would lose the test's result.
     */
    static String wellFormed(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static synchronized void write(Path results, ObjectMapper json, Map<String, Object> event) {
        try {
            Files.writeString(results, json.writeValueAsString(event) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (Exception e) {
            StringWriter w = new StringWriter();
            e.printStackTrace(new PrintWriter(w));
            System.err.println("racelab: cannot write the test results: " + w);
        }
    }
}
