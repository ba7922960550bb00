package org.racelab.harness.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every interleaving of a model's steps under sequential consistency: each step runs whole, one
 * at a time, in some order that keeps each actor's program order. A depth-first search over the
 * states the steps can reach, each state visited once, so the search is exhaustive and finite
 * even when a loop can spin forever. The first schedule that reaches an outcome is its witness.
 *
 * <p>A state is the actors' positions and the memory. Past {@code maxStates} states the search
 * stops and says so: the result is then bounded, and "no interleaving gives this" may not be said.
 */
public final class Explorer {

    /** Far above what the catalog needs (a few hundred states); a hostile model stops here. */
    public static final long MAX_STATES = 2_000_000;

    private final long maxStates;

    public Explorer() {
        this(MAX_STATES);
    }

    /** An explorer that stops after {@code maxStates} states (its result then says it was bounded). */
    public Explorer(long maxStates) {
        this.maxStates = maxStates;
    }

    /** One step of a schedule: which actor, and its step as it ran (values filled in). */
    public record Move(int actor, String step) {
    }

    private record Node(int[] pcs, State state) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Node n && Arrays.equals(pcs, n.pcs) && state.equals(n.state);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(pcs) + state.hashCode();
        }

        boolean done() {
            return Arrays.stream(pcs).allMatch(pc -> pc == Step.END);
        }
    }

    public Exploration explore(Model model) {
        long started = System.nanoTime();
        Search search = new Search(model);
        int[] start = new int[model.actors().size()];
        for (int a = 0; a < start.length; a++) {
            start[a] = model.actors().get(a).steps().isEmpty() ? Step.END : 0;
        }
        Node root = new Node(start, new State(model.init()));
        boolean complete = search.visit(root, new ArrayList<>());
        Long schedules = complete && !search.cycle ? search.count(root) : null;
        return new Exploration(model, search.witnesses, search.visited.size(), schedules, complete,
                search.deadlocks, System.nanoTime() - started);
    }

    private final class Search {
        final Model model;
        final Map<String, List<Move>> witnesses = new LinkedHashMap<>();
        final Set<Node> visited = new HashSet<>();
        final Set<Node> onPath = new HashSet<>();
        final Map<Node, Long> counts = new HashMap<>();
        boolean cycle;
        long deadlocks;

        Search(Model model) {
            this.model = model;
        }

        /** False when the state budget ran out. Iterative depth is bounded by the steps, so recursion is fine. */
        boolean visit(Node node, List<Move> path) {
            if (!visited.add(node)) {
                if (onPath.contains(node)) {
                    cycle = true;
                }
                return true;
            }
            if (visited.size() > maxStates) {
                return false;
            }
            if (node.done()) {
                witnesses.putIfAbsent(model.result().apply(node.state()), List.copyOf(path));
                return true;
            }
            onPath.add(node);
            boolean any = false;
            for (int a = 0; a < node.pcs().length; a++) {
                Node next = step(node, a, path);
                if (next == null) {
                    continue;
                }
                any = true;
                boolean ok = visit(next, path);
                path.remove(path.size() - 1);
                if (!ok) {
                    return false;
                }
            }
            if (!any) {
                deadlocks++;
            }
            onPath.remove(node);
            return true;
        }

        /** The node after actor {@code a}'s next step, with the move appended to {@code path}; null if it cannot step. */
        Node step(Node node, int a, List<Move> path) {
            int pc = node.pcs()[a];
            if (pc == Step.END) {
                return null;
            }
            Step step = model.actors().get(a).steps().get(pc);
            if (!step.enabled().test(node.state())) {
                return null;
            }
            State after = node.state().copy();
            step.action().accept(after);
            int next = step.jump().next(after, pc);
            int[] pcs = node.pcs().clone();
            pcs[a] = next >= model.actors().get(a).steps().size() ? Step.END : next;
            if (path != null) {
                path.add(new Move(a, step.draw(after)));
            }
            return new Node(pcs, after);
        }

        /** How many schedules run to the end from {@code node} (only when the states have no cycle). */
        long count(Node node) {
            if (node.done()) {
                return 1;
            }
            Long known = counts.get(node);
            if (known != null) {
                return known;
            }
            long n = 0;
            for (int a = 0; a < node.pcs().length; a++) {
                Node next = step(node, a, null);
                if (next != null) {
                    n = Math.addExact(n, count(next));
                }
            }
            counts.put(node, n);
            return n;
        }
    }
}
