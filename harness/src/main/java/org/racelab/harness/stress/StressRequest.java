package org.racelab.harness.stress;

import org.racelab.harness.catalog.StressTest;
import org.racelab.harness.catalog.TestCatalog;
import org.racelab.harness.profile.Profile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One JCStress run: which tests of which catalog, at which profile, written where.
 *
 * @param rawDir  the bundle's {@code raw/} folder: JCStress runs there and leaves its files there
 * @param timeout how long JCStress may take before racelab stops it as hung
 */
public record StressRequest(TestCatalog catalog, List<StressTest> tests, Profile profile, Path rawDir,
                            Duration timeout) {

    public StressRequest {
        tests = List.copyOf(tests);
    }

    /** The watchdog racelab sets when the user gives none: generous, so only a real hang trips it. */
    public static Duration defaultTimeout(Profile profile, int tests) {
        // never under 3 s a test: a loaded machine (a CI runner, a shared VM) runs JCStress many times slower
        Duration perTest = profile.expectedPerTest().compareTo(Duration.ofSeconds(3)) < 0
                ? Duration.ofSeconds(3) : profile.expectedPerTest();
        return Duration.ofSeconds(120).plus(perTest.multipliedBy(4L * tests));
    }
}
