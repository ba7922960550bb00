package org.racelab.harness.profile;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stress time estimate against the runs it was measured on (2 vCPUs, JDK 25, quiet, and one
 * under load): it must
 * land within a factor of 2 of each, where the old one (a fixed time per test) was 5 times off
 * for a large suite at smoke. The arithmetic of actors and CPUs is checked exactly.
 */
class StressEstimateTest {

    private static List<Integer> actors(int tests, int each) {
        return new ArrayList<>(Collections.nCopies(tests, each));
    }

    @Test
    void aLargeSuiteAtSmokeIsWithinAFactorOfTwoOfItsMeasuredTime() {
        // issue 14: 838 tests, 827 ran (11 had 4 actors), 8 min on 2 CPUs; the old estimate said about 41 min
        List<Integer> suite = actors(827, 2);
        suite.addAll(actors(11, 4));
        long estimate = StressEstimate.seconds(Profile.SMOKE, suite, 2);
        double measured = 8 * 60;
        assertTrue(estimate < 2 * measured && estimate > measured / 2, estimate + " s against " + measured + " s");
    }

    @Test
    void theCatalogAtQuickIsWithinAFactorOfTwoOfItsMeasuredTime() {
        // README: 27 catalog tests ran (the 4-actor one was left out) in 203 s of stress
        List<Integer> catalog = actors(27, 2);
        catalog.add(4);
        long estimate = StressEstimate.seconds(Profile.QUICK, catalog, 2);
        assertTrue(estimate < 2 * 203 && estimate > 203 / 2, estimate + " s");
    }

    @Test
    void aTestTakesItsShareOfTheCpusAndOneThatCannotRunTakesNothing() {
        long start = Profile.QUICK.stressStart().toSeconds();
        long perTest = Profile.QUICK.expectedPerTest().toSeconds();
        assertEquals(start + 10 * perTest, StressEstimate.seconds(Profile.QUICK, actors(10, 2), 2));
        assertEquals(start + 5 * perTest, StressEstimate.seconds(Profile.QUICK, actors(10, 1), 2), "two 1-actor forks at once");
        assertEquals(Math.round(start + 10 * perTest / 4.0), StressEstimate.seconds(Profile.QUICK, actors(10, 2), 8), "four at once on 8 CPUs");
        assertEquals(start + 10 * perTest, StressEstimate.seconds(Profile.QUICK, actors(10, 4), 4));
        assertEquals(0, StressEstimate.seconds(Profile.QUICK, actors(3, 4), 2), "nothing runs");
    }

    @Test
    void aBusyMachineScalesTheEstimateByItsLoad() {
        // JCStress's 148 samples at smoke: 120 tests of 2 actors and 7 of 1 ran, in 1,269 s, while the
        // machine's load average was 16.2 at the start (and up to 24 during the run)
        List<Integer> samples = actors(120, 2);
        samples.addAll(actors(7, 1));
        samples.addAll(actors(21, 3));
        long busy = StressEstimate.seconds(Profile.SMOKE, samples, 2, 16.2);
        assertTrue(busy < 2 * 1269 && busy > 1269 / 2, busy + " s");
        long quiet = StressEstimate.seconds(Profile.SMOKE, samples, 2, 0);
        assertEquals(quiet, StressEstimate.seconds(Profile.SMOKE, samples, 2, -1), "an unknown load counts as none");
        assertTrue(quiet < 1269 / 2, "unscaled, the busy run would be far off: " + quiet + " s");
    }
}
