package org.racelab.harness.bench;

import java.util.Map;

/**
 * A question the suite answers with a ratio: {@code subject} against {@code baseline}, two
 * benchmarks of one class, at every parameter set both ran with.
 *
 * @param headlineParams the parameter values at which this ratio is a headline figure
 *                       ({@code Map.of()} for all of them), or null when it is not one
 */
public record RatioQuestion(String question, String subject, String baseline, Map<String, String> headlineParams) {

    public boolean headlineAt(Map<String, String> params) {
        return headlineParams != null && headlineParams.entrySet().stream()
                .allMatch(e -> e.getValue().equals(params.get(e.getKey())));
    }
}
