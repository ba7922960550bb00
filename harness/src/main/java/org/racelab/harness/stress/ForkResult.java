package org.racelab.harness.stress;

import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.runners.TestConfig;
import org.openjdk.jcstress.os.SchedulingClass;
import org.openjdk.jcstress.vm.CompileMode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one fork of one JCStress test reported, in racelab's terms: the only place that knows
 * JCStress's result classes, so grading and verdicts can be tested without them.
 *
 * @param status    JCStress's status word: NORMAL, API_MISMATCH, CHECK_TEST_ERROR, TIMEOUT_ERROR,
 *                  TEST_ERROR or VM_ERROR
 * @param histogram outcome id to count
 * @param sampleMillis how long the fork sampled: JCStress's time per iteration times its iterations
 */
record ForkResult(String test, String status, Map<String, Long> histogram, List<String> messages,
                  List<String> jvmArgs, String compileMode, String scheduling, int fork, long sampleMillis) {

    static ForkResult of(TestResult r) {
        Map<String, Long> histogram = new LinkedHashMap<>();
        for (String id : r.getStateKeys()) {
            histogram.merge(id, r.getCount(id), Long::sum);
        }
        List<String> all = new ArrayList<>(r.getMessages());
        all.addAll(r.getVmErr());
        List<String> messages = bounded(all);
        TestConfig c = r.getConfig();
        String compileMode = c.getCompileMode() == CompileMode.UNIFIED ? "unified"
                : CompileMode.description(c.getCompileMode(), c.actorNames).strip().replaceAll("\\s+", " ");
        SchedulingClass scl = c.getSchedulingClass();
        return new ForkResult(r.getName(), r.status().name(), histogram, messages, List.copyOf(c.jvmArgs),
                compileMode, scl == null ? null : scl.toString(), c.forkId, (long) c.time * c.iters);
    }

    static final int MAX_LINES = 100;
    static final int MAX_LINE = 2000;

    /**
     * A fork's messages and console as the bundle keeps them: the first {@link #MAX_LINES} lines,
     * each cut at {@link #MAX_LINE} characters. Code under test that prints without end (a
     * student's) must not make a bundle of gigabytes; the first lines say what went wrong.
     */
    static List<String> bounded(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines.subList(0, Math.min(lines.size(), MAX_LINES))) {
            out.add(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "... (" + (line.length() - MAX_LINE)
                    + " more characters cut)" : line);
        }
        if (lines.size() > MAX_LINES) {
            out.add("... (" + (lines.size() - MAX_LINES) + " more lines cut)");
        }
        return out;
    }

    boolean normal() {
        return status.equals("NORMAL");
    }

    boolean apiMismatch() {
        return status.equals("API_MISMATCH");
    }
}
