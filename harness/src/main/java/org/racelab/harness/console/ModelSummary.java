package org.racelab.harness.console;

import org.racelab.harness.bundle.ModelSection;
import org.racelab.harness.bundle.OutcomeCount;
import org.racelab.harness.bundle.StressSection;
import org.racelab.harness.bundle.StressTestResult;
import org.racelab.harness.format.Format;
import org.racelab.harness.format.Texts;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The model section on a terminal: how many tests have a step model, and the outcomes this run
 * saw that no interleaving gives (the memory model at work). {@code racelab explain} shows one
 * test in full.
 */
public final class ModelSummary {

    private ModelSummary() {
    }

    public static void print(ModelSection model, StressSection stress, PrintStream out) {
        long modelled = model.tests().stream().filter(ModelSection.ModelResult::model).count();
        long exhaustive = model.tests().stream().filter(ModelSection.ModelResult::exhaustive).count();
        out.println();
        out.printf("Model: %d of %d tests have a step model, %d explored exhaustively (canary %s)%n", modelled,
                model.tests().size(), exhaustive, model.canary());
        Map<String, StressTestResult> observed = stress == null ? Map.of()
                : stress.tests().stream().collect(Collectors.toMap(StressTestResult::name, Function.identity(), (a, b) -> a));
        for (ModelSection.ModelResult m : model.tests()) {
            StressTestResult t = observed.get(m.name());
            if (t == null || !m.exhaustive()) {
                continue;
            }
            for (String id : notInterleavings(m, t)) {
                long n = t.outcomes().stream().filter(o -> o.id().equals(id)).mapToLong(OutcomeCount::count).sum();
                out.printf("  seen, though no interleaving gives it: %s [%s] %s of %s samples%n",
                        Texts.terminal(t.caseName() + "." + t.variant()), Texts.terminal(id), Format.count(n),
                        Format.count(t.samples()));
            }
        }
        out.println("  (racelab explain TEST draws the interleavings)");
    }

    /** The outcomes a run saw that the model's exhaustive search found no interleaving for. */
    static List<String> notInterleavings(ModelSection.ModelResult m, StressTestResult t) {
        return m.outcomes().stream().filter(o -> !o.allowed())
                .map(ModelSection.ScOutcome::id)
                .filter(id -> t.outcomes().stream().anyMatch(o -> o.id().equals(id) && o.count() > 0))
                .toList();
    }
}
