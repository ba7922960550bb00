package org.racelab.harness.catalog;

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
        if (lesson.isEmpty() || lesson.get().race().isEmpty()) {
            return lesson.isEmpty() ? RaceKind.UNKNOWN : RaceKind.NO_RACE;
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
}
