package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What interleavings alone allow: for each test with a step model, the outcomes some schedule of
 * its steps gives under sequential consistency, each with a witness, beside the outcomes its rules
 * name that no schedule gives.
 *
 * @param engine what explored the models
 * @param canary the check every exploration starts with: the lost update must be found, with its
 *               witness; a run whose canary failed writes no model section at all
 * @param tests  one entry per test of the run; a test racelab has no model for says so
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSection(String engine, String canary, List<ModelResult> tests) {

    public ModelSection {
        tests = Records.list(tests);
    }

    /**
     * One test's model.
     *
     * @param model      false for a test racelab has no step model of (a user's own suite)
     * @param exhaustive every state the steps can reach was visited: only then does "no
     *                   interleaving gives this" hold
     * @param states     the states visited
     * @param schedules  the schedules that run to the end, or null where a loop makes them unbounded
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelResult(String name, boolean model, boolean exhaustive, long states, Long schedules,
                              double millis, List<String> actors, List<ScOutcome> outcomes) {
        public ModelResult {
            name = Records.text(name);
            actors = Records.list(actors);
            outcomes = Records.list(outcomes);
        }

        /**
         * What the model says of one outcome, in a word: "interleaving" (some interleaving gives
         * it), "no interleaving" (none does, and the search was exhaustive), or "not found" (the
         * search was bounded, so no claim about all interleavings).
         */
        public String word(ScOutcome o) {
            return o.allowed() ? "interleaving" : exhaustive ? "no interleaving" : "not found";
        }
    }

    /**
     * One outcome: named by the test's rules, or given by the model, or both.
     *
     * @param expect   how the rules grade it
     * @param allowed  some interleaving gives it
     * @param witness  that interleaving, a column per actor and a row per step (empty when none)
     * @param hardware why the hardware or the JIT may show it though no interleaving does, where the
     *                 model says
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScOutcome(String id, String expect, String description, boolean allowed, List<String> witness,
                            String hardware) {
        public ScOutcome {
            id = Records.text(id);
            expect = Records.text(expect);
            description = Records.text(description);
            witness = Records.list(witness);
        }
    }
}
