package org.racelab.harness.catalog;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grading rules of JCStress 0.16 (TestGrading), rule by rule. */
class OutcomeGraderTest {

    private static final OutcomeRule ONE_LOST = new OutcomeRule("1", Expectation.ACCEPTABLE_INTERESTING, "lost");
    private static final OutcomeRule BOTH = new OutcomeRule("2", Expectation.ACCEPTABLE, "both");

    @Test
    void racyAndPassingWhenTheInterestingOutcomeIsSeen() {
        OutcomeGrader.Grading g = new OutcomeGrader(List.of(ONE_LOST, BOTH)).grade(hist("1", 10, "2", 90));
        assertTrue(g.passed());
        assertTrue(g.interesting());
        assertEquals(List.of("1", "2"), g.outcomes().stream().map(OutcomeGrader.GradedOutcome::id).toList());
    }

    @Test
    void aForbiddenOutcomeSeenOnceFails() {
        OutcomeRule lostForbidden = new OutcomeRule("1", Expectation.FORBIDDEN, "lost");
        OutcomeGrader.Grading g = new OutcomeGrader(List.of(lostForbidden, BOTH)).grade(hist("1", 1, "2", 1000));
        assertFalse(g.passed());
        assertEquals(List.of("Observed forbidden state: 1 (lost)"), g.failures());
    }

    @Test
    void aForbiddenRuleNeverSeenPassesAndIsListedWithZero() {
        OutcomeRule lostForbidden = new OutcomeRule("1", Expectation.FORBIDDEN, "lost");
        OutcomeGrader.Grading g = new OutcomeGrader(List.of(lostForbidden, BOTH)).grade(hist("2", 1000));
        assertTrue(g.passed());
        assertFalse(g.interesting());
        assertEquals(0, g.outcomes().get(0).count());
        assertEquals("1", g.outcomes().get(0).id());
    }

    @Test
    void anOutcomeNoRuleMatchesIsForbiddenWithoutADefault() {
        OutcomeGrader.Grading g = new OutcomeGrader(List.of(ONE_LOST, BOTH)).grade(hist("3", 1));
        assertFalse(g.passed());
        assertEquals(Expectation.FORBIDDEN, g.outcomes().stream().filter(o -> o.id().equals("3")).findFirst()
                .orElseThrow().expect());
    }

    @Test
    void theDefaultRuleTakesWhatNoOtherMatches() {
        OutcomeRule other = new OutcomeRule("", Expectation.ACCEPTABLE, "anything else");
        OutcomeGrader grader = new OutcomeGrader(List.of(ONE_LOST, other));
        assertEquals(other, grader.ruleFor("7"));
        assertTrue(grader.grade(hist("7", 5)).passed());
    }

    @Test
    void anExactIdWinsOverAnEarlierPatternThatAlsoMatches() {
        OutcomeRule pattern = new OutcomeRule("1, .*", Expectation.FORBIDDEN, "pattern");
        OutcomeRule exact = new OutcomeRule("1, 1", Expectation.ACCEPTABLE, "exact");
        OutcomeGrader grader = new OutcomeGrader(List.of(pattern, exact));
        assertEquals(exact, grader.ruleFor("1, 1"));
        assertEquals(pattern, grader.ruleFor("1, 0"));
    }

    @Test
    void anIdIsAPatternOverTheWholeOutcome() {
        OutcomeRule ones = new OutcomeRule("1.*", Expectation.ACCEPTABLE, "ones");
        OutcomeGrader grader = new OutcomeGrader(List.of(ones));
        assertEquals(ones, grader.ruleFor("1, 0"));
        assertEquals(Expectation.FORBIDDEN, grader.ruleFor("0, 1").expect());
    }

    @Test
    void anUnknownExpectationFailsEvenUnseen() {
        OutcomeRule unknown = new OutcomeRule("0", Expectation.UNKNOWN, "");
        OutcomeGrader.Grading g = new OutcomeGrader(List.of(unknown, BOTH)).grade(hist("2", 3));
        assertFalse(g.passed());
        assertEquals(List.of("Missing description"), g.failures());
    }

    @Test
    void anInvalidPatternIsRefusedWithItsId() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new OutcomeGrader(List.of(new OutcomeRule("([", Expectation.ACCEPTABLE, ""))));
        assertTrue(e.getMessage().contains("(["));
    }

    private static Map<String, Long> hist(Object... pairs) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return m;
    }
}
