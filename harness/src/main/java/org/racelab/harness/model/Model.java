package org.racelab.harness.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The step model of one JCStress test: its shared fields and their first values, each actor's
 * steps in program order, and its result, read when every actor is done (JCStress runs an
 * arbiter after all actors, and so does the model).
 *
 * @param test      the JCStress test's name ({@code org.racelab.stress...Case.Variant})
 * @param init      every field and local the steps use, with its first value
 * @param actors    the actors, in the order of the test's {@code @Actor} methods
 * @param result    the outcome of a finished run, written as JCStress writes it ({@code "1, 0"})
 * @param hardware  outcomes the test's rules name that no interleaving gives, each with why the
 *                  hardware or the JIT can still show it (the memory model at work)
 */
public record Model(String test, Map<String, Object> init, List<Actor> actors, Function<State, String> result,
                   Map<String, String> hardware) {

    public Model {
        init = Map.copyOf(init);
        actors = List.copyOf(actors);
        hardware = new LinkedHashMap<>(hardware);
    }

    /** One actor: its name as the test gives it, and its steps. */
    public record Actor(String name, List<Step> steps) {
        public Actor {
            steps = List.copyOf(steps);
        }
    }
}
