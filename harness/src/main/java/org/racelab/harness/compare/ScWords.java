package org.racelab.harness.compare;

import org.racelab.harness.bundle.ModelSection;
import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.bundle.StressTestResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SC column of a race row, as herd prints a model column beside the observations: whether an
 * interleaving gives the test's race outcomes, from the first bundle that carries a model of it.
 */
final class ScWords {

    private ScWords() {
    }

    /**
     * The SC words of every test, in one pass over the bundles: for each test name, from the first
     * bundle that carries a model of it (a comparison of 500 bundles asks for 100 tests).
     */
    static Map<String, String> index(List<ReadBundle> reads) {
        Map<String, String> words = new HashMap<>();
        for (ReadBundle r : reads) {
            if (r.bundle().model() == null || r.bundle().stress() == null) {
                continue;
            }
            Map<String, StressTestResult> stress = new HashMap<>();
            r.bundle().stress().tests().forEach(t -> stress.putIfAbsent(t.name(), t));
            for (ModelSection.ModelResult m : r.bundle().model().tests()) {
                StressTestResult t = stress.get(m.name());
                if (m.model() && t != null && t.lesson() != null && !words.containsKey(m.name())) {
                    words.put(m.name(), words(m, t.lesson().race()));
                }
            }
        }
        return words;
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
