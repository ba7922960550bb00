package org.racelab.harness.cli;

/** The exit codes of racelab (DESIGN.md). */
public final class ExitCode {
    /** All well. */
    public static final int OK = 0;
    /** A correctness failure: a FORBIDDEN outcome, or a test error. */
    public static final int FAILURE = 1;
    /** Bad usage or bad input. */
    public static final int USAGE = 2;
    /** The environment cannot run it. */
    public static final int ENVIRONMENT = 3;

    private ExitCode() {
    }
}
