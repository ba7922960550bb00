package org.racelab.harness.bundle;

import java.util.List;

/**
 * One fork of one JCStress test: the JVM options and compilation mode it ran with, and what it saw.
 *
 * @param status  JCStress's status of the fork (NORMAL, TEST_ERROR, VM_ERROR, ...)
 * @param verdict PASSED, FAILED or ERROR, graded by the test's {@code @Outcome} rules
 * @param sampleMillis how long it sampled (JCStress's time per iteration times its iterations)
 */
public record StressFork(List<String> jvmArgs, String compileMode, String scheduling, int fork,
                        String status, Verdict verdict, long samples, long sampleMillis, List<OutcomeCount> outcomes,
                        List<String> messages) {
    public StressFork {
        jvmArgs = Records.list(jvmArgs);
        verdict = verdict == null ? Verdict.UNKNOWN : verdict;
        outcomes = Records.list(outcomes);
        messages = Records.list(messages);
    }

}
