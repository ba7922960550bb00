package org.racelab.harness.compare;

/**
 * How often a race outcome showed, in the words of litmus tests (herd, litmus7): never, in some
 * of the samples, or in all of them.
 */
public enum RaceWord {
    NEVER("Never"),
    SOMETIMES("Sometimes"),
    ALWAYS("Always");

    private final String word;

    RaceWord(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The word for {@code observed} race samples of {@code total}; {@code total} must be above 0. */
    public static RaceWord of(long observed, long total) {
        if (total <= 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (observed <= 0) {
            return NEVER;
        }
        return observed >= total ? ALWAYS : SOMETIMES;
    }
}
