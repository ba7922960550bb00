/**
 * Race conditions: what the notes call "Outcome depends on non-deterministic ordering",
 * as JCStress cases.
 *
 * <p>Where {@code Interleaving_01} loses an update inside one statement, the cases
 * here lose a decision: a thread checks a shared state ({@code instance == null},
 * {@code balance >= amount}) and then acts on it, while another thread changes the state
 * in between. The act is then based on a check that no longer holds: an object built
 * twice, an account paid out twice.
 *
 * <p>Each case has a racy check-then-act variant and two fixes that make the check and the
 * act one step: a lock around both, or a compare-and-set that acts only if the state is
 * still the one that was checked, and otherwise checks again. The arbiter reports what
 * the program's users would notice (same object or not; balance and payments), not
 * internal state, so that every outcome id reads as a consequence.
 */
package org.racelab.stress.racecondition;
