package org.racelab.harness.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the explorer found for one model: each outcome that some interleaving gives, with its
 * witness schedule.
 *
 * @param exhaustive true when every state the steps can reach was visited; only then may
 *                   "no interleaving gives this" be said
 * @param schedules  how many schedules run to the end, or null where a loop makes them unbounded
 *                   (a spin that can go round any number of times) or the search was bounded
 * @param deadlocks  states where no actor could step before all were done
 */
public record Exploration(Model model, Map<String, List<Explorer.Move>> witnesses, long states, Long schedules,
                          boolean exhaustive, long deadlocks, long nanos) {

    public boolean allows(String outcome) {
        return witnesses.containsKey(outcome);
    }

    /**
     * The witness of an outcome drawn as the notes draw an interleaving: a column per actor, a
     * row per step, time going down.
     */
    public List<String> draw(String outcome) {
        List<Explorer.Move> moves = witnesses.get(outcome);
        if (moves == null) {
            return List.of();
        }
        int actors = model.actors().size();
        int[] width = new int[actors];
        for (int a = 0; a < actors; a++) {
            width[a] = model.actors().get(a).name().length();
        }
        for (Explorer.Move m : moves) {
            width[m.actor()] = Math.max(width[m.actor()], m.step().length());
        }
        List<String> lines = new ArrayList<>();
        lines.add(row(actors, width, a -> model.actors().get(a).name()));
        lines.add(row(actors, width, a -> "-".repeat(width[a])));
        for (Explorer.Move m : moves) {
            lines.add(row(actors, width, a -> a == m.actor() ? m.step() : ""));
        }
        return lines;
    }

    private static String row(int actors, int[] width, java.util.function.IntFunction<String> cell) {
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < actors; a++) {
            String c = cell.apply(a);
            sb.append(a == 0 ? "" : " | ").append(c).append(" ".repeat(width[a] - c.length()));
        }
        return sb.toString().stripTrailing();
    }
}
