package org.racelab.harness.catalog;

/** JCStress's grading words, in the order JCStress declares them ({@code Expect.values()}). */
public enum Expectation {
    ACCEPTABLE,
    ACCEPTABLE_INTERESTING,
    FORBIDDEN,
    UNKNOWN;

    /** The grading of an outcome no rule of a test matches and the test gives no default for. */
    public static final String NO_DEFAULT_DESCRIPTION = "No default case provided, assume Forbidden";
}
