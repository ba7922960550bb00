package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What JCStress found: one entry per test of the selection, run or not.
 *
 * @param tool           the stress tool and its version, e.g. {@code jcstress 0.16}
 * @param testsJar       the tests jar or folder the tests came from
 * @param jcstressArgs   JCStress's command line options, as racelab passed them
 * @param complete       false when JCStress was stopped or failed before the end
 * @param incomplete     why not (null when complete)
 * @param rawReport      JCStress's own HTML report, relative to the bundle folder
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StressSection(String tool, String testsJar, List<String> jcstressArgs, int cpus,
                            boolean complete, String incomplete, double elapsedSeconds, String rawReport,
                            List<StressTestResult> tests) {
    public StressSection {
        jcstressArgs = Records.list(jcstressArgs);
        tests = Records.list(tests);
    }

}
