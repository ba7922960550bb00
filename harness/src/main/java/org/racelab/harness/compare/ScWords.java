package org.racelab.harness.compare;

import org.racelab.harness.bundle.ModelSection;
import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.bundle.StressTestResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SC column of a race row, as herd prints a model column beside the observations: whether an
 * interleaving gives the test's race outcomes, from the first bundle that carries a model of it.
 */
final class ScWords {

    private ScWords() {
    }

    static String of(List<ReadBundle> reads, String test) {
        for (ReadBundle r : reads) {
            Optional<ModelSection.ModelResult> m = r.bundle().model() == null ? Optional.empty()
                    : r.bundle().model().tests().stream().filter(t -> t.name().equals(test) && t.model()).findFirst();
            Optional<StressTestResult> t = r.bundle().stress() == null ? Optional.empty()
                    : r.bundle().stress().tests().stream().filter(x -> x.name().equals(test)).findFirst();
            if (m.isPresent() && t.isPresent() && t.get().lesson() != null) {
                return words(m.get(), t.get().lesson().race());
            }
        }
        return "";
    }

    private static String words(ModelSection.ModelResult m, List<String> race) {
        List<String> parts = new ArrayList<>();
        for (String id : race) {
            m.outcomes().stream().filter(o -> o.id().equals(id)).findFirst()
                    .ifPresent(o -> parts.add("[" + id + "] " + m.word(o)));
        }
        return String.join("; ", parts);
    }
}
