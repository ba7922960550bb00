package org.racelab.harness.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The memory of a step model at one moment: every shared field and every actor's locals, by name.
 * Values are whole numbers or strings (the program-order case writes a log). A state is copied
 * before each step, so the explorer can go back.
 */
public final class State {

    private final TreeMap<String, Object> values;

    State(Map<String, Object> values) {
        this.values = new TreeMap<>(values);
    }

    State copy() {
        return new State(values);
    }

    public int i(String name) {
        Object v = values.get(name);
        if (!(v instanceof Integer n)) {
            throw new IllegalStateException("no whole number named " + name + " in the model (" + values + ")");
        }
        return n;
    }

    public String s(String name) {
        Object v = values.get(name);
        return v == null ? "" : v.toString();
    }

    public void set(String name, Object value) {
        values.put(name, Objects.requireNonNull(value, name));
    }

    /** The value to show for {@code name} in a witness: the number, the string, or a dash. */
    String show(String name) {
        Object v = values.get(name);
        return v == null ? "-" : v.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof State other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
