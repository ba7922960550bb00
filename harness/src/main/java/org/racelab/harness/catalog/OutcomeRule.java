package org.racelab.harness.catalog;

/**
 * One {@code @Outcome} id of a JCStress test: the id (a regular expression, as JCStress
 * treats it), how it is graded, and its description. An empty id is the test's default
 * rule, which grades every outcome no other rule matches.
 */
public record OutcomeRule(String id, Expectation expect, String description) {

    public OutcomeRule {
        if (id == null || expect == null) {
            throw new IllegalArgumentException("an outcome rule needs an id and an expectation");
        }
        description = description == null ? "" : description;
    }

    public boolean isDefault() {
        return id.isEmpty();
    }

    /** Exactly as JCStress compares: the id string itself. */
    public boolean matchesExactly(String outcome) {
        return id.equals(outcome);
    }
}
