package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How often one outcome was seen, how the test grades it (JCStress's {@code Expect} word), and
 * whether it counts as the test's race: {@code race} true marks an outcome of the meaning its
 * test record names ({@link Meaning}): the race of racelab's lesson, or an outcome JCStress grades
 * ACCEPTABLE_INTERESTING for a test without a lesson. The runner decides it once, from the
 * catalog; every later stage only reads the mark.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutcomeCount(String id, long count, String expect, String description, Boolean race) {
    public OutcomeCount {
        id = Records.text(id);
        expect = Records.text(expect);
        description = Records.text(description);
        race = Boolean.TRUE.equals(race) ? Boolean.TRUE : null;
    }

    public OutcomeCount(String id, long count, String expect, String description) {
        this(id, count, expect, description, null);
    }

    /** Whether this outcome counts as its test's race (or interesting outcome); not a JSON property of its own. */
    @JsonIgnore
    public boolean isRace() {
        return Boolean.TRUE.equals(race);
    }
}
