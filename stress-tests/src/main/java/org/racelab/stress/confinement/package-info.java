/**
 * Confinement: the control experiment for "Races occur due to communication".
 *
 * <p>Cases here run threads side by side that share nothing they compute with: each actor
 * reads and writes only data it owns. With no communication there is nothing to race on,
 * so exactly one outcome is possible and every other outcome is graded {@code FORBIDDEN}.
 * A case here has an empty {@link org.racelab.stress.Lesson#race()}: it has no race to
 * show, and it fails if one ever turns up.
 *
 * <p>Why keep such cases in a race catalog: they are the baseline that makes the racy
 * cases readable. The same increment that loses updates in
 * {@code interleaving.Interleaving_01_LostUpdate} is always right here; the only change
 * is that no value passes between the threads.
 */
package org.racelab.stress.confinement;
