package org.racelab.harness.catalog;

import org.racelab.harness.bundle.Meaning;
import org.racelab.harness.bundle.OutcomeCount;

import java.util.List;
import java.util.Optional;

/**
 * A JCStress test as its tests jar lists it, plus the racelab lesson of its case, if it has one.
 *
 * @param name       JCStress's name for it ({@code pkg.Case.Variant})
 * @param binaryName the class's binary name ({@code pkg.Case$Variant}), to load it
 * @param actors     the number of actor threads, which decides how many CPUs it needs
 * @param rules      its {@code @Outcome} rules in declaration order, the default rule (if any) last
 * @param lesson     empty for a test that is not part of racelab's catalog (a user's own suite)
 */
public record StressTest(String name, String binaryName, String description, List<String> actorNames,
                         List<OutcomeRule> rules, Optional<LessonInfo> lesson) {

    public StressTest {
        actorNames = List.copyOf(actorNames);
        rules = List.copyOf(rules);
    }

    public int actors() {
        return actorNames.size();
    }

    /** Its own {@code @Description}, or null when it has none (what the bundle keeps). */
    public String describedAs() {
        return description == null || description.isBlank() ? null : description;
    }

    /** The case: the outer class's simple name for a nested test, else the class's own. */
    public String caseName() {
        String[] parts = binaryName.substring(binaryName.lastIndexOf('.') + 1).split("\\$");
        return parts[0];
    }

    /** The variant: the nested class's simple name, or "-" for a test that is not nested. */
    public String variant() {
        int dollar = binaryName.lastIndexOf('$');
        return dollar < 0 ? "-" : binaryName.substring(dollar + 1);
    }

    /** How this variant grades its case's race outcomes. */
    public RaceKind raceKind() {
        if (lesson.isEmpty()) {
            return RaceKind.JCSTRESS;
        }
        if (lesson.get().race().isEmpty()) {
            return RaceKind.NO_RACE;
        }
        OutcomeGrader grader = new OutcomeGrader(rules);
        boolean allForbidden = true;
        boolean anyInteresting = false;
        for (String race : lesson.get().race()) {
            Expectation e = grader.ruleFor(race).expect();
            allForbidden &= e == Expectation.FORBIDDEN;
            anyInteresting |= e == Expectation.ACCEPTABLE_INTERESTING;
        }
        if (allForbidden) {
            return RaceKind.FIXED;
        }
        return anyInteresting ? RaceKind.RACY : RaceKind.UNKNOWN;
    }

    /**
     * What "seen" means for this test, decided here once for every runner ({@link Meaning}):
     * the race of its lesson; for a test without a lesson, JCStress's own meaning, its
     * ACCEPTABLE_INTERESTING outcomes; null when it has neither (a lesson with no race, or a test
     * with no interesting rule).
     */
    public String meaning() {
        if (lesson.isPresent()) {
            return lesson.get().race().isEmpty() ? null : Meaning.LESSON;
        }
        return rules.stream().anyMatch(r -> r.expect() == Expectation.ACCEPTABLE_INTERESTING) ? Meaning.INTERESTING : null;
    }

    /** A grading's outcomes for the bundle, each one that {@link #meaning()} counts marked {@code race}. */
    public List<OutcomeCount> outcomeCounts(OutcomeGrader.Grading grading) {
        String meaning = meaning();
        return grading.outcomes().stream().map(o -> new OutcomeCount(o.id(), o.count(), o.expect().name(),
                o.description(), counts(meaning, o))).toList();
    }

    private boolean counts(String meaning, OutcomeGrader.GradedOutcome o) {
        if (Meaning.LESSON.equals(meaning)) {
            return lesson.orElseThrow().isRace(o.id());
        }
        return Meaning.INTERESTING.equals(meaning) && o.expect() == Expectation.ACCEPTABLE_INTERESTING;
    }

    /** The samples of the outcomes {@link #outcomeCounts} marked: how often the race (or interesting) was seen. */
    public static long raceSamples(List<OutcomeCount> counts) {
        return counts.stream().filter(OutcomeCount::isRace).mapToLong(OutcomeCount::count).sum();
    }
}
