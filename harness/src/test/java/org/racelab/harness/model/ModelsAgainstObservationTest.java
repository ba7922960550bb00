package org.racelab.harness.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.bundle.Fixtures;
import org.racelab.harness.bundle.OutcomeCount;
import org.racelab.harness.bundle.StressTestResult;
import org.racelab.harness.bundle.VraceSection;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each step model held against what real runs saw (the fixtures are bundles of real runs on the
 * development machine, 2 vCPUs AMD EPYC, Linux 6.18, Temurin 25): every outcome JCStress or the
 * virtual-thread runner observed is one some interleaving gives, or one the model names as the
 * hardware's, with its reason. And every outcome the model allows is one the test's rules name.
 */
class ModelsAgainstObservationTest {

    private final Explorer explorer = new Explorer();

    @ParameterizedTest
    @ValueSource(strings = {"bundle-before-shape.json", "bundle-2cpu.json", "bundle-1cpu.json"})
    void everyObservedOutcomeIsAnInterleavingOrTheHardwares(String fixture) {
        Bundle b = Fixtures.read(fixture).bundle();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (StressTestResult t : b.stress().tests()) {
            Model model = CatalogModels.of(t.name()).orElseThrow(() -> new AssertionError("no model for " + t.name()));
            Exploration e = explorer.explore(model);
            assertTrue(e.exhaustive(), t.name());
            List<String> named = t.outcomes().stream().map(OutcomeCount::id).toList();
            for (String allowed : e.witnesses().keySet()) {
                if (!named.contains(allowed)) {
                    wrong.add(t.name() + ": the model allows '" + allowed + "', which the test's rules do not name");
                }
            }
            List<OutcomeCount> seen = new ArrayList<>(t.outcomes());
            b.vrace().tests().stream().filter(v -> v.name().equals(t.name()))
                    .flatMap(v -> v.runs().stream()).map(VraceSection.VraceRun::outcomes).forEach(seen::addAll);
            for (OutcomeCount o : seen) {
                if (o.count() > 0) {
                    checked++;
                    if (!e.allows(o.id()) && !model.hardware().containsKey(o.id())) {
                        wrong.add(t.name() + ": '" + o.id() + "' was seen " + o.count()
                                + " times, but no interleaving gives it and the model does not say why");
                    }
                }
            }
        }
        assertTrue(checked > 50, "only " + checked + " observed outcomes checked");
        assertEquals(List.of(), wrong);
    }
}
