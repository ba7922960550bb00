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
    /**
     * The environment cannot run it: no JDK 21+, or an output that cannot be written. Every command
     * says an output it cannot write ({@code --out} that is a file, a folder without write
     * permission, a full disk: "No space left on device", a symbolic link planted where a page
     * goes) with this code, in one line that gives the path and the reason; bad input (a bundle,
     * a tests jar, an option) is {@link #USAGE}.
     */
    public static final int ENVIRONMENT = 3;

    private ExitCode() {
    }
}
