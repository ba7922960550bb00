package org.racelab.harness.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Grades observed outcomes by a test's {@code @Outcome} rules with JCStress 0.16's semantics,
 * so that every runner of racelab (JCStress itself, the virtual-thread runner) gives one verdict:
 * <ul>
 *   <li>an outcome takes the first rule whose id equals it, else the first whose id, as a
 *       regular expression, matches it whole, else the default rule (the {@code @Outcome}
 *       without an id), else an implicit FORBIDDEN;</li>
 *   <li>a test fails when a FORBIDDEN outcome was seen at least once, or when any rule is
 *       graded UNKNOWN (JCStress's "missing description");</li>
 *   <li>it is interesting when an ACCEPTABLE_INTERESTING outcome was seen.</li>
 * </ul>
 * Rules that nothing matched are listed with a count of 0, under their id, as JCStress lists them.
 */
public final class OutcomeGrader {

    private record CompiledRule(OutcomeRule rule, Pattern pattern) {
    }

    private final List<CompiledRule> rules = new ArrayList<>();
    private final OutcomeRule fallback;

    public OutcomeGrader(List<OutcomeRule> outcomeRules) {
        OutcomeRule defaultRule = null;
        for (OutcomeRule r : outcomeRules) {
            if (r.isDefault()) {
                defaultRule = r;
            } else {
                rules.add(new CompiledRule(r, compile(r.id())));
            }
        }
        this.fallback = defaultRule != null ? defaultRule
                : new OutcomeRule("", Expectation.FORBIDDEN, Expectation.NO_DEFAULT_DESCRIPTION);
    }

    private static Pattern compile(String id) {
        try {
            return Pattern.compile(id);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("@Outcome id is not a valid pattern: " + id);
        }
    }

    /** The rule that grades this outcome. */
    public OutcomeRule ruleFor(String outcome) {
        for (CompiledRule c : rules) {
            if (c.rule().matchesExactly(outcome)) {
                return c.rule();
            }
        }
        for (CompiledRule c : rules) {
            if (c.pattern().matcher(outcome).matches()) {
                return c.rule();
            }
        }
        return fallback;
    }

    /** Grades a histogram of outcomes (outcome id to count). */
    public Grading grade(Map<String, Long> histogram) {
        TreeMap<String, GradedOutcome> graded = new TreeMap<>();
        List<OutcomeRule> unmatched = new ArrayList<>();
        rules.forEach(c -> unmatched.add(c.rule()));
        boolean passed = true;
        boolean interesting = false;
        List<String> failures = new ArrayList<>();

        for (Map.Entry<String, Long> e : histogram.entrySet()) {
            OutcomeRule rule = ruleFor(e.getKey());
            unmatched.remove(rule);
            long count = e.getValue();
            passed &= passes(rule.expect(), count);
            interesting |= rule.expect() == Expectation.ACCEPTABLE_INTERESTING && count != 0;
            failure(e.getKey(), rule, count, failures);
            graded.put(e.getKey(), new GradedOutcome(e.getKey(), count, rule.expect(), rule.description()));
        }
        for (OutcomeRule rule : unmatched) {
            passed &= passes(rule.expect(), 0);
            failure("N/A", rule, 0, failures);
            graded.putIfAbsent(rule.id(), new GradedOutcome(rule.id(), 0, rule.expect(), rule.description()));
        }
        return new Grading(List.copyOf(graded.values()), passed, interesting, List.copyOf(failures));
    }

    private static boolean passes(Expectation expect, long count) {
        return switch (expect) {
            case ACCEPTABLE, ACCEPTABLE_INTERESTING -> true;
            case FORBIDDEN -> count == 0;
            case UNKNOWN -> false;
        };
    }

    private static void failure(String id, OutcomeRule rule, long count, List<String> failures) {
        if (passes(rule.expect(), count)) {
            return;
        }
        if (rule.expect() == Expectation.FORBIDDEN) {
            failures.add("Observed forbidden state: " + id
                    + (rule.description().isEmpty() ? "" : " (" + rule.description() + ")"));
        } else {
            failures.add("Missing description");
        }
    }

    /** One outcome as graded. */
    public record GradedOutcome(String id, long count, Expectation expect, String description) {
    }

    /** The grading of one histogram. */
    public record Grading(List<GradedOutcome> outcomes, boolean passed, boolean interesting, List<String> failures) {
    }
}
