package org.racelab.harness.bench;

import org.racelab.harness.profile.JmhBudget;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to run under JMH: the benchmarks whose name {@code include} finds, with this budget.
 *
 * @param budget          JMH's iterations for every configuration that is not behind a headline figure
 * @param headlineBudget  JMH's iterations for a configuration behind a headline figure: several
 *                        forks, so that a bimodal benchmark shows it (see {@link Forks})
 * @param params  parameter values that replace a benchmark's own (JMH's {@code -p}), e.g.
 *                {@code tasks=[100]}; empty for the benchmarks' own
 * @param rawDir  where JMH's JSON and console log go (the bundle's {@code raw/})
 */
public record BenchRequest(String include, JmhBudget budget, JmhBudget headlineBudget,
                           Map<String, List<String>> params, Path rawDir) {

    public static final String ALL = ".*";

    public BenchRequest {
        params = Map.copyOf(params);
    }

    /** One budget for every configuration, headline or not. */
    public BenchRequest(String include, JmhBudget budget, Map<String, List<String>> params, Path rawDir) {
        this(include, budget, budget, params, rawDir);
    }
}
