package org.racelab.harness.vrace;

/**
 * The code generated for one test class by {@link ActorRunners}: what JCStress's annotation
 * processor writes into each test's {@code _jcstress} runner, made at run time. Its loops call
 * the test's actors directly ({@code invokevirtual}, no method handle, no reflection), one
 * method per actor, so the JIT inlines each actor into its loop and may reorder across it just
 * as it does under JCStress.
 *
 * <p>Public only because the generated class lives in the test's own package; racelab's code
 * is its only caller.
 */
public interface ActorRunner {

    /** A fresh state object (the test class, or its separate {@code @State} class). */
    Object newState();

    /** A fresh result object, or null for a termination-mode test, which has none. */
    Object newResult();

    /** An empty array of the state class: the generated loops read it without a cast per element. */
    Object[] newStates(int n);

    /** An empty array of the result class. */
    Object[] newResults(int n);

    /** Runs actor {@code actor} (by name order) on {@code states[c], results[c]} for c in [from, to). */
    void run(int actor, Object[] states, Object[] results, int from, int to);

    /** Runs the arbiter, if the test has one, on [from, to); does nothing otherwise. */
    void arbiter(Object[] states, Object[] results, int from, int to);

    /** Runs the {@code @Signal} method of a termination-mode test on the state; does nothing otherwise. */
    void signal(Object state);
}
