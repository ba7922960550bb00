/**
 * The stress runner: JCStress itself, on platform threads, in a JVM of its own. racelab gives it
 * the tests and the profile's options, reads its progress line and its results file, and turns
 * them into the bundle's stress section; JCStress's own report stays in the bundle's {@code raw/}.
 */
package org.racelab.harness.stress;
