package org.racelab.harness.bundle;

import java.util.List;
import java.util.Locale;

/**
 * Which outcomes of a test count as "seen" and where that meaning comes from, as a test record
 * names it in its {@code meaning} field:
 * <ul>
 *   <li>{@link #LESSON}: racelab's {@code @Lesson} names the race outcomes of its case;</li>
 *   <li>{@link #INTERESTING}: a test without a lesson (a third-party suite) keeps JCStress's own
 *       meaning: the outcomes its rules grade ACCEPTABLE_INTERESTING.</li>
 * </ul>
 * A FORBIDDEN outcome is a failure under either meaning. The outcomes themselves carry the mark
 * ({@link OutcomeCount#race()}); this class only names the meaning and reads the marks, so the
 * terminal, the report, junit.xml and compare all say the same thing.
 */
public final class Meaning {

    /** racelab's lesson: the outcome ids its {@code @Lesson(race = ...)} names. */
    public static final String LESSON = "lesson";
    /** JCStress's own meaning: the outcomes graded ACCEPTABLE_INTERESTING. */
    public static final String INTERESTING = "interesting";

    private Meaning() {
    }

    /** The word a line starts with: "race" for a lesson's race, "interesting" for JCStress's. */
    public static String word(String meaning) {
        return INTERESTING.equals(meaning) ? "interesting" : "race";
    }

    /** Where the meaning comes from, for a reader: "the lesson's race" or "JCStress's interesting outcomes". */
    public static String source(String meaning) {
        return INTERESTING.equals(meaning) ? "JCStress's meaning, its ACCEPTABLE_INTERESTING outcomes (no racelab lesson)"
                : "the race racelab's lesson names";
    }

    /** The outcomes marked as the race (or interesting) that were seen at least once, in the record's order. */
    public static List<OutcomeCount> seen(List<OutcomeCount> outcomes) {
        return outcomes.stream().filter(o -> o.isRace() && o.count() > 0).toList();
    }

    /** Every outcome marked as the race (or interesting), seen or not. */
    public static List<OutcomeCount> marked(List<OutcomeCount> outcomes) {
        return outcomes.stream().filter(OutcomeCount::isRace).toList();
    }

    /**
     * A bundle written before the marks: its lesson's race ids mark the outcomes of the same id,
     * exactly (an id read from a file is never run as a pattern). Outcomes already marked stay as
     * they are.
     */
    static List<OutcomeCount> markLegacy(Lesson lesson, List<OutcomeCount> outcomes) {
        if (lesson == null || outcomes.stream().anyMatch(OutcomeCount::isRace)) {
            return outcomes;
        }
        return outcomes.stream().map(o -> lesson.race().contains(o.id())
                ? new OutcomeCount(o.id(), o.count(), o.expect(), o.description(), true) : o).toList();
    }

    /** The meaning a record names; a record from before the field, with a lesson that names a race, means the lesson. */
    static String of(String meaning, Lesson lesson) {
        if (meaning != null) {
            return meaning.toLowerCase(Locale.ROOT);
        }
        return lesson != null && !lesson.race().isEmpty() ? LESSON : null;
    }
}
