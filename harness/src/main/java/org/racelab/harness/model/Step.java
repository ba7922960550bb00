package org.racelab.harness.model;

import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One indivisible step of an actor, as the notes write one: {@code a = i}, then {@code i = a + 1}.
 * A step may wait ({@code enabled} false, e.g. a lock held by another actor), and may jump
 * (a loop that retries); otherwise the actor goes on with its next step. Its label may name
 * values, {@code {a}}, which a witness shows as they were just after the step.
 */
public record Step(String label, Predicate<State> enabled, Consumer<State> action, Jump jump) {

    private static final Pattern VALUE = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    /** Where an actor goes after a step: the index of its next step, or {@link #END}. */
    public interface Jump {
        int next(State after, int pc);
    }

    public static final int END = -1;

    /** A step that always runs and goes on to the next one. */
    public static Step of(String label, Consumer<State> action) {
        return new Step(label, s -> true, action, (s, pc) -> pc + 1);
    }

    /** A step that waits until {@code enabled} holds, e.g. a lock to be free. */
    public static Step when(String label, Predicate<State> enabled, Consumer<State> action) {
        return new Step(label, enabled, action, (s, pc) -> pc + 1);
    }

    /** A step that goes on at {@code jump}'s choice: a branch or a loop. */
    public static Step branch(String label, Consumer<State> action, Jump jump) {
        return new Step(label, s -> true, action, jump);
    }

    /** The label with its {@code {name}} values filled in from the state just after the step. */
    String draw(State after) {
        Matcher m = VALUE.matcher(label);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(after.show(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
