package org.racelab.harness.vrace;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Result;
import org.openjdk.jcstress.annotations.State;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A JCStress test class read from its annotations, as the virtual-thread runner drives it: how to
 * make a fresh state and a fresh result, and each actor and the arbiter as a handle of one shape,
 * {@code (Object state, Object result) -> void}, whatever the method's own parameters are.
 *
 * <p>Supported: {@code Mode.Continuous} tests whose state is the test class itself (annotated
 * {@code @State}) or a separate {@code @State} class the actors take as a parameter, with one
 * {@code @Result} class. Termination-mode tests are refused: their actor is meant to spin until
 * a signal, and a virtual thread that spins keeps its carrier, so the run could never end.
 */
public final class TestShape {

    private static final MethodType SHAPE = MethodType.methodType(void.class, Object.class, Object.class);

    private final Class<?> testClass;
    private final MethodHandle newState;
    private final MethodHandle newResult;
    private final List<MethodHandle> actors;
    private final MethodHandle arbiter;

    private TestShape(Class<?> testClass, MethodHandle newState, MethodHandle newResult,
                      List<MethodHandle> actors, MethodHandle arbiter) {
        this.testClass = testClass;
        this.newState = newState;
        this.newResult = newResult;
        this.actors = List.copyOf(actors);
        this.arbiter = arbiter;
    }

    public static TestShape of(Class<?> c) throws UnsupportedShapeException {
        JCStressTest test = c.getAnnotation(JCStressTest.class);
        if (test == null) {
            throw new UnsupportedShapeException(c.getName() + " is not a JCStress test (no @JCStressTest)");
        }
        if (test.value() == Mode.Termination) {
            throw new UnsupportedShapeException("termination-mode tests are not supported on virtual threads: "
                    + "an actor that spins until signalled never gives its carrier back");
        }
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
        List<Method> all = new ArrayList<>(actorMethods);
        all.addAll(arbiters);

        Class<?> stateClass = c.isAnnotationPresent(State.class) ? c : findParameter(all, State.class, c);
        Class<?> resultClass = findParameter(all, Result.class, c);
        if (resultClass == null) {
            throw new UnsupportedShapeException(c.getName() + " takes no @Result object in its actors or arbiter");
        }
        if (stateClass == null) {
            throw new UnsupportedShapeException(c.getName() + " is not @State and its actors take no @State object");
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Object receiver = stateClass == c ? null : newInstance(lookup, c).invoke();
            List<MethodHandle> actors = new ArrayList<>();
            for (Method m : actorMethods) {
                actors.add(adapt(lookup, m, receiver, stateClass, resultClass));
            }
            MethodHandle arbiter = arbiters.isEmpty() ? null
                    : adapt(lookup, arbiters.get(0), receiver, stateClass, resultClass);
            return new TestShape(c, newInstance(lookup, stateClass), newInstance(lookup, resultClass), actors, arbiter);
        } catch (UnsupportedShapeException e) {
            throw e;
        } catch (Throwable e) {
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

    private static MethodHandle newInstance(MethodHandles.Lookup lookup, Class<?> c) throws ReflectiveOperationException,
            UnsupportedShapeException {
        Constructor<?> ctor;
        try {
            ctor = c.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new UnsupportedShapeException(c.getName() + " has no constructor without arguments");
        }
        ctor.setAccessible(true);
        return lookup.unreflectConstructor(ctor).asType(MethodType.methodType(Object.class));
    }

    /** The method as {@code (Object state, Object result) -> void}. */
    private static MethodHandle adapt(MethodHandles.Lookup lookup, Method m, Object receiver, Class<?> stateClass,
                                      Class<?> resultClass) throws ReflectiveOperationException, UnsupportedShapeException {
        if (Modifier.isStatic(m.getModifiers())) {
            throw new UnsupportedShapeException(m.getName() + " is static; JCStress actors are instance methods");
        }
        m.setAccessible(true);
        MethodHandle h = lookup.unreflect(m);
        List<Integer> sources = new ArrayList<>(); // for each parameter of h: 0 = state, 1 = result
        if (receiver != null) {
            h = h.bindTo(receiver);
        } else {
            sources.add(0);
        }
        for (Class<?> p : m.getParameterTypes()) {
            if (p == stateClass) {
                sources.add(0);
            } else if (p == resultClass) {
                sources.add(1);
            } else {
                throw new UnsupportedShapeException(m.getName() + " takes a " + p.getSimpleName()
                        + ", which is neither the @State nor the @Result class");
            }
        }
        MethodHandle generic = h.asType(h.type().generic().changeReturnType(void.class));
        return MethodHandles.permuteArguments(generic, SHAPE, sources.stream().mapToInt(Integer::intValue).toArray());
    }

    public Class<?> testClass() {
        return testClass;
    }

    public int actorCount() {
        return actors.size();
    }

    MethodHandle actor(int i) {
        return actors.get(i);
    }

    MethodHandle arbiter() {
        return arbiter;
    }

    Object newState() throws Throwable {
        return newState.invokeExact();
    }

    Object newResult() throws Throwable {
        return newResult.invokeExact();
    }
}
