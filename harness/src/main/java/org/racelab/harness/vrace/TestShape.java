package org.racelab.harness.vrace;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Result;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A JCStress test class read from its annotations, as the virtual-thread runner drives it: its
 * mode, its actors (by name, as JCStress orders them), its arbiter or signal, and the
 * {@link ActorRunner} generated for it, which calls them directly.
 *
 * <p>Supported: {@code Mode.Continuous} tests whose state is the test class itself (annotated
 * {@code @State}) or a separate {@code @State} class the actors take as a parameter, with one
 * {@code @Result} class; and {@code Mode.Termination} tests: one actor that runs until a
 * {@code @Signal} method stops it.
 */
public final class TestShape {

    private final Class<?> testClass;
    private final boolean termination;
    private final int actors;
    private final ActorRunner runner;

    private TestShape(Class<?> testClass, boolean termination, int actors, ActorRunner runner) {
        this.testClass = testClass;
        this.termination = termination;
        this.actors = actors;
        this.runner = runner;
    }

    public static TestShape of(Class<?> c) throws UnsupportedShapeException {
        JCStressTest test = c.getAnnotation(JCStressTest.class);
        if (test == null) {
            throw new UnsupportedShapeException(c.getName() + " is not a JCStress test (no @JCStressTest)");
        }
        boolean termination = test.value() == Mode.Termination;
        List<Method> actorMethods = Arrays.stream(c.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Actor.class))
                .sorted(Comparator.comparing(Method::getName))
                .toList();
        if (actorMethods.isEmpty()) {
            throw new UnsupportedShapeException(c.getName() + " has no @Actor method");
        }
        List<Method> arbiters = Arrays.stream(c.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Arbiter.class)).toList();
        if (arbiters.size() > 1) {
            throw new UnsupportedShapeException(c.getName() + " has more than one @Arbiter");
        }
        List<Method> signals = Arrays.stream(c.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Signal.class)).toList();
        if (termination && (actorMethods.size() != 1 || signals.size() != 1)) {
            throw new UnsupportedShapeException(c.getName() + " is a termination test without exactly one @Actor "
                    + "and one @Signal");
        }
        List<Method> all = new ArrayList<>(actorMethods);
        all.addAll(arbiters);
        all.addAll(signals);

        Class<?> stateClass = c.isAnnotationPresent(State.class) ? c : findParameter(all, State.class, c);
        Class<?> resultClass = findParameter(all, Result.class, c);
        if (resultClass == null && !termination) {
            throw new UnsupportedShapeException(c.getName() + " takes no @Result object in its actors or arbiter");
        }
        if (stateClass == null) {
            throw new UnsupportedShapeException(c.getName() + " is not @State and its actors take no @State object");
        }
        for (Method m : all) {
            check(m, stateClass, resultClass);
        }
        for (Class<?> k : stateClass == c ? List.<Class<?>>of(c) : List.of(c, stateClass)) {
            try {
                k.getDeclaredConstructor();
            } catch (NoSuchMethodException e) {
                throw new UnsupportedShapeException(k.getName() + " has no constructor without arguments");
            }
        }
        try {
            ActorRunner runner = ActorRunners.define(c, stateClass, resultClass, actorMethods,
                    arbiters.isEmpty() ? null : arbiters.get(0), signals.isEmpty() ? null : signals.get(0));
            return new TestShape(c, termination, actorMethods.size(), runner);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            throw new UnsupportedShapeException("cannot prepare " + c.getName() + ": " + e);
        }
    }

    private static Class<?> findParameter(List<Method> methods, Class<? extends java.lang.annotation.Annotation> marker,
                                          Class<?> test) throws UnsupportedShapeException {
        Class<?> found = null;
        for (Method m : methods) {
            for (Class<?> p : m.getParameterTypes()) {
                if (p.isAnnotationPresent(marker)) {
                    if (found != null && found != p) {
                        throw new UnsupportedShapeException(test.getName() + " uses more than one @"
                                + marker.getSimpleName() + " class");
                    }
                    found = p;
                }
            }
        }
        return found;
    }

    private static void check(Method m, Class<?> stateClass, Class<?> resultClass) throws UnsupportedShapeException {
        if (Modifier.isStatic(m.getModifiers())) {
            throw new UnsupportedShapeException(m.getName() + " is static; JCStress actors are instance methods");
        }
        for (Class<?> p : m.getParameterTypes()) {
            if (p != stateClass && p != resultClass) {
                throw new UnsupportedShapeException(m.getName() + " takes a " + p.getSimpleName()
                        + ", which is neither the @State nor the @Result class");
            }
        }
    }

    public Class<?> testClass() {
        return testClass;
    }

    public int actorCount() {
        return actors;
    }

    /** A termination-mode test: one actor that runs until signalled. */
    public boolean termination() {
        return termination;
    }

    ActorRunner runner() {
        return runner;
    }
}
