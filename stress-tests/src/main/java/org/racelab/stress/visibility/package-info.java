/**
 * Visibility: a write that never reaches the reader at all.
 *
 * <p>Where the {@code communication} cases ask in what order two writes are seen, these ask
 * whether one write is seen ever. They are JCStress termination tests
 * ({@code Mode.Termination}): an actor waits for a write that a {@code @Signal} method
 * makes, and the outcome is {@code TERMINATED} or {@code STALE}, the actor still waiting
 * when JCStress gives up on it.
 *
 * <p>Design: the cases are filed under the notes' Race Conditions heading, not
 * Interleavings, because no interleaving of the source explains a thread that never stops;
 * the write was made and not communicated. The racy variants use a plain field, which the
 * JIT may read once and keep in a register; the fixed variants use the weakest access that
 * forbids that (opaque) beside the usual one (volatile).
 */
package org.racelab.stress.visibility;
