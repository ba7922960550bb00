package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What became of one test. The bundle writes the name; a name this racelab does not know (a
 * newer racelab's, or a hand-edited file) is read as {@link #UNKNOWN}, which counts as a failure,
 * so no verdict from elsewhere can pass for a pass.
 */
public enum Verdict {
    /** It ran and no FORBIDDEN outcome was seen. */
    PASSED,
    /** It ran and showed a FORBIDDEN outcome. */
    FAILED,
    /** It could not run to the end: the test threw, its JVM crashed or hung. */
    ERROR,
    /** This machine cannot run it (say, more actors than CPUs); the reason says why. */
    SKIPPED,
    /** The run stopped before it came to this test. */
    NOT_RUN,
    /** A verdict this racelab does not know, from another version or another tool. */
    UNKNOWN;

    @JsonCreator
    public static Verdict of(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    @JsonValue
    public String json() {
        return name();
    }

    /** A correctness failure: a FORBIDDEN outcome, an error, or a verdict that cannot be trusted. */
    public boolean failed() {
        return this == FAILED || this == ERROR || this == UNKNOWN;
    }

    /** It ran to a verdict on its outcomes. */
    public boolean ran() {
        return this == PASSED || this == FAILED;
    }

    /** It did not run here, for a reason that is not a fault of the test. */
    public boolean notRun() {
        return this == SKIPPED || this == NOT_RUN;
    }
}
