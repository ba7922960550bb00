package org.racelab.harness.cli;

import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.racelab.harness.run.ExitCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --timeout} is checked when the command line is read: a value past the range (once, any
 * value above 9.2 x 10^15 s overflowed in the middle of the run, with a stack trace, exit 1 and an
 * orphaned JCStress) is refused with exit code 2 and one line, before any run folder exists.
 */
class TimeoutRangeTest {

    @ParameterizedTest
    @CsvSource({
            "stress, 9300000000000000",
            "stress, 9223372036854775807",
            "stress, 99999999999999999999",
            "stress, 31536001",
            "run, 9300000000000000",
            "vrace, 9300000000000000"})
    void aTimeoutBeyondTheRangeIsRefused(String command, String seconds, @TempDir Path out) {
        // a small selection, so that a check that let the value through would cost a short run, not the catalog's
        CliRun run = command.equals("run")
                ? CliRun.of("run", "--profile", "smoke", "--timeout", seconds, "--out", out.toString())
                : CliRun.of(command, "--profile", "smoke", "--tests-jar", Path.of("target", "test-classes").toString(),
                "--case", "AtomicCounter", "--timeout", seconds, "--out", out.toString());
        assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        String line = run.errLines().get(0);
        assertEquals("racelab " + command + ": --timeout takes a whole number of seconds from 1 to 31536000"
                + " (365 days), not '" + seconds + "'", line);
        assertFalse(line.contains("Exception"), line);
        assertTrue(out.toFile().list() == null || out.toFile().list().length == 0, "no run folder");
    }

    @Test
    void theLongestTimeoutIsAccepted() throws Exception {
        Options options = new Options().addOption(CommonOptions.TIMEOUT);
        assertEquals(Duration.ofDays(365), CommonOptions.timeout(new DefaultParser().parse(options,
                new String[]{"--timeout", "31536000"}), null));
        assertEquals(Duration.ofSeconds(1), CommonOptions.timeout(new DefaultParser().parse(options,
                new String[]{"--timeout", "1"}), null));
    }
}
