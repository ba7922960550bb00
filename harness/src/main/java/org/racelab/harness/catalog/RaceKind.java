package org.racelab.harness.catalog;

/** What a variant is, judged by how its {@code @Outcome}s grade its case's race outcomes. */
public enum RaceKind {
    /** The race outcome is {@code ACCEPTABLE_INTERESTING}: the variant shows the race. */
    RACY,
    /** The race outcome is {@code FORBIDDEN}: the variant is the fix. */
    FIXED,
    /** The case has no race to show (e.g. no communication at all). */
    NO_RACE,
    /** Not a racelab case (no {@code @Lesson}): JCStress's own grading gives its meaning. */
    JCSTRESS,
    /** A racelab case whose rules say neither. */
    UNKNOWN;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
