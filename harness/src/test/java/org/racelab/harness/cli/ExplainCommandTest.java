package org.racelab.harness.cli;

import org.junit.jupiter.api.Test;
import org.racelab.harness.bundle.Fixtures;
import org.racelab.harness.model.Canary;
import org.racelab.harness.model.Explorer;
import org.racelab.harness.run.ExitCode;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** racelab explain: the SC model beside what a real run observed, and bad input as one line. */
class ExplainCommandTest {

    private static final String QUICK_RUN = Fixtures.path("bundle-2cpu.json").toString();

    @Test
    void storeBufferingShowsWhatNoInterleavingGivesBesideWhatTheHardwareShowed() {
        CliRun run = CliRun.of("explain", "StoreBuffering.Plain", "--bundle", QUICK_RUN);
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        String out = run.out();
        assertTrue(out.contains("model: exhaustive"), out);
        assertTrue(out.matches("(?s).*\\[0, 0]\\s+ACCEPTABLE_INTERESTING\\s+no interleaving gives it\\s+3,142,664.*"), out);
        assertTrue(out.contains("observed, but no interleaving gives it (the memory model at work):\n    [0, 0]: "), out);
    }

    @Test
    void theLostUpdateIsDrawnAsAnInterleaving() {
        CliRun run = CliRun.of("explain", "LostUpdate.Plain$", "--bundle", QUICK_RUN);
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("""
                      actor1         | actor2
                      -------------- | --------------
                      a = i  (0)     |
                                     | b = i  (0)
                      i = a + 1  (1) |
                                     | i = b + 1  (1)
                """), run.out());
    }

    @Test
    void aTestWithoutAModelSaysSoAndStillShowsWhatWasObserved() {
        CliRun run = CliRun.of("explain", "Fixture_04_RacyCounter", "--tests-jar", Path.of("target/test-classes").toString(),
                "--bundle", QUICK_RUN);
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("model: none: racelab has step models for its own catalog only"), run.out());
        assertTrue(run.out().contains("no model"), run.out());
        assertFalse(run.out().contains("no interleaving gives it"), "no claim about all interleavings without a model");
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        for (String[] args : new String[][]{{"explain", "NoSuchCase"}, {"explain"},
                {"explain", "LostUpdate", "--bundle", "/no/such/run"},
                {"explain", "LostUpdate", "--bundle", Fixtures.path("newer-schema.json").toString()}}) {
            CliRun run = CliRun.of(args);
            assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
            assertEquals(1, run.errLines().size(), run.toString());
            assertFalse(run.err().contains("Exception"), run.err());
        }
    }

    @Test
    void theCanaryPassesAndFailsWhenTheEngineExploresNothing() {
        assertNull(Canary.problem(new Explorer()));
        assertTrue(Canary.problem(new Explorer(1)).contains("did not find the lost update"),
                "an engine that stops at once must not pass the canary");
    }
}
