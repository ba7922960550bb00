package org.racelab.harness.model;

import java.util.List;
import java.util.Set;

/**
 * The check every exploration starts with: two actors that each do {@code i += 1} as a read and
 * a write must give both 1 and 2, with a witness for 1 in which both read 0. An explorer that
 * does not find it explores nothing, and its empty sets would read as "no interleaving gives
 * this": racelab then says the engine does not work and shows no model at all.
 */
public final class Canary {

    public static final String TEST = "canary: two actors, i += 1 each";

    private Canary() {
    }

    /** Null when the engine works; else why not, in one line. */
    public static String problem(Explorer explorer) {
        Model m = new ModelBuilder(TEST).field("i", 0).field("a", 0).field("b", 0)
                .actor("t1", Step.of("a = i  ({a})", s -> s.set("a", s.i("i"))),
                        Step.of("i = a + 1", s -> s.set("i", s.i("a") + 1)))
                .actor("t2", Step.of("b = i  ({b})", s -> s.set("b", s.i("i"))),
                        Step.of("i = b + 1", s -> s.set("i", s.i("b") + 1)))
                .result(s -> String.valueOf(s.i("i")));
        Exploration e;
        try {
            e = explorer.explore(m);
        } catch (RuntimeException ex) {
            return "the model engine failed on the lost-update canary: " + ex;
        }
        if (!e.exhaustive() || !e.witnesses().keySet().equals(Set.of("1", "2"))) {
            return "the model engine did not find the lost update of the canary (found " + e.witnesses().keySet() + ")";
        }
        List<Explorer.Move> w = e.witnesses().get("1");
        if (w.stream().filter(mv -> mv.step().endsWith("= i  (0)")).count() != 2) {
            return "the model engine's witness of the lost update is wrong: " + w;
        }
        return null;
    }
}
