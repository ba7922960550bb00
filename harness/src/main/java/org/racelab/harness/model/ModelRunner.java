package org.racelab.harness.model;

import org.racelab.harness.bundle.ModelSection;
import org.racelab.harness.catalog.OutcomeRule;
import org.racelab.harness.catalog.StressTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SC model of a selection of tests, as a bundle section: for each test, every outcome its
 * rules name and every outcome an interleaving gives, whether some interleaving gives it (with the
 * witness) and, where the model says, why the hardware shows it anyway. Runs the canary first.
 */
public final class ModelRunner {

    public static final String ENGINE = "racelab step models, exhaustive search of interleavings under SC";

    private final Explorer explorer = new Explorer();

    /** Why the engine cannot be trusted on this JVM, or empty when its canary passed. */
    public Optional<String> canaryProblem() {
        return Optional.ofNullable(Canary.problem(explorer));
    }

    /** The section; call {@link #canaryProblem()} first: with a failed canary there is no section. */
    public ModelSection run(List<StressTest> tests) {
        List<ModelSection.ModelResult> results = new ArrayList<>();
        for (StressTest t : tests) {
            results.add(CatalogModels.of(t.name()).map(m -> explain(t, m)).orElseGet(() -> unmodelled(t)));
        }
        return new ModelSection(ENGINE, "passed: the lost update found, with its witness", results);
    }

    private ModelSection.ModelResult explain(StressTest t, Model m) {
        Exploration e = explorer.explore(m);
        Map<String, ModelSection.ScOutcome> outcomes = new LinkedHashMap<>();
        for (OutcomeRule r : t.rules()) {
            if (r.isDefault()) {
                continue;
            }
            outcomes.put(r.id(), new ModelSection.ScOutcome(r.id(), r.expect().name(), r.description(),
                    e.allows(r.id()), e.draw(r.id()), m.hardware().get(r.id())));
        }
        for (String id : e.witnesses().keySet()) {
            outcomes.computeIfAbsent(id, k -> new ModelSection.ScOutcome(k, "(no rule names it)", "", true,
                    e.draw(k), null));
        }
        return new ModelSection.ModelResult(t.name(), true, e.exhaustive(), e.states(), e.schedules(),
                e.nanos() / 1e6, m.actors().stream().map(Model.Actor::name).toList(), List.copyOf(outcomes.values()));
    }

    private static ModelSection.ModelResult unmodelled(StressTest t) {
        List<ModelSection.ScOutcome> outcomes = t.rules().stream().filter(r -> !r.isDefault())
                .map(r -> new ModelSection.ScOutcome(r.id(), r.expect().name(), r.description(), false, List.of(), null))
                .toList();
        return new ModelSection.ModelResult(t.name(), false, false, 0, null, 0, t.actorNames(), outcomes);
    }
}
