package org.racelab.harness.stress;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JCStress's own progress line from its console output, e.g.
 * {@code (Results: 28 planned; 10 passed, 1 failed, 0 soft errs, 0 hard errs)}: a "result" there is
 * one fork of one test in one JVM configuration.
 */
record ConsoleProgressLine(long planned, long passed, long failed, long softErrors, long hardErrors) {

    private static final Pattern RESULTS = Pattern.compile(
            "\\(Results: (\\d+) planned; (\\d+) passed, (\\d+) failed, (\\d+) soft errs, (\\d+) hard errs\\)");

    static Optional<ConsoleProgressLine> parse(String line) {
        Matcher m = RESULTS.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new ConsoleProgressLine(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5))));
    }

    long done() {
        return passed + failed + softErrors + hardErrors;
    }

    String note() {
        return failed + hardErrors == 0 ? "" : (failed + " failed, " + hardErrors + " errors");
    }
}
