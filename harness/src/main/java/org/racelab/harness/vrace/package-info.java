/**
 * The virtual-thread runner: JCStress test classes driven without JCStress, so that their actors
 * can be virtual threads. A test's shape is read from its annotations
 * ({@link org.racelab.harness.vrace.TestShape}), samples are taken in rounds with one barrier per
 * round ({@link org.racelab.harness.vrace.SampleLoop}), and each carrier count runs in a JVM of its
 * own, since the virtual-thread scheduler's parallelism is fixed when a JVM starts.
 */
package org.racelab.harness.vrace;
