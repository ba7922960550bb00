package org.racelab.harness.run;

/** The exit codes of racelab, as the README's "Exit codes" and {@code racelab --help} give them. */
public final class ExitCode {
    /** All well. */
    public static final int OK = 0;
    /**
     * A correctness failure or a run that did not finish: a FORBIDDEN outcome, a test error, a
     * benchmark that failed, or a run cut short (Ctrl-C, a hung JVM). The bundle says which.
     */
    public static final int FAILURE = 1;
    /** Bad usage or bad input: one line on stderr, nothing measured is lost. */
    public static final int USAGE = 2;
    /** The environment cannot run it (say, no JDK 21+, or a report that cannot be written). */
    public static final int ENVIRONMENT = 3;

    private ExitCode() {
    }
}
