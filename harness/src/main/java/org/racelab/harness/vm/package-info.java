/**
 * Child JVMs: how a runner starts, watches, logs and stops the JVMs that do its work
 * ({@link org.racelab.harness.vm.ChildJvm}: asked to end first, killed after a grace period), and
 * the main class each of them runs under ({@link org.racelab.harness.vm.Tethered}), which ends
 * the child when racelab is gone, however racelab ended.
 */
package org.racelab.harness.vm;
