/**
 * The stress runner: JCStress itself, on platform threads, in a JVM of its own. racelab gives it
 * the tests and the profile's options, reads its progress line and its results file, and turns
 * them into the bundle's stress section; JCStress's own report stays in the bundle's {@code raw/}.
 * In its JVM, JCStress runs through {@link org.racelab.harness.stress.JCStressMain}, so that a run
 * cut short keeps every result that had come in.
 */
package org.racelab.harness.stress;
