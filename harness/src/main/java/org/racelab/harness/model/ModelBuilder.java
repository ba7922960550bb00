package org.racelab.harness.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Writes a {@link Model} down the way a case reads: its fields, then each actor's steps. */
final class ModelBuilder {

    private final String test;
    private final Map<String, Object> init = new LinkedHashMap<>();
    private final List<Model.Actor> actors = new ArrayList<>();
    private final Map<String, String> hardware = new LinkedHashMap<>();

    ModelBuilder(String test) {
        this.test = test;
    }

    /** A field or a local, with the value it starts with. */
    ModelBuilder field(String name, Object first) {
        init.put(name, first);
        return this;
    }

    ModelBuilder actor(String name, Step... steps) {
        actors.add(new Model.Actor(name, List.of(steps)));
        return this;
    }

    /** An outcome the rules name that no interleaving gives, and why the hardware may show it anyway. */
    ModelBuilder hardware(String outcome, String why) {
        hardware.put(outcome, why);
        return this;
    }

    Model result(Function<State, String> result) {
        return new Model(test, init, actors, result, hardware);
    }
}
