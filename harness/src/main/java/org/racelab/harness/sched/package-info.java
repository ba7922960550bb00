/**
 * The scheduling experiments: what the notes claim about time slices, carriers, preemption and
 * the cost of a thread, measured with real threads on this machine.
 *
 * <p>{@link org.racelab.harness.sched.SchedRunner} runs each experiment in a child JVM
 * ({@link org.racelab.harness.sched.SchedChild}), because the virtual-thread scheduler's carrier
 * count is fixed per JVM and memory is best measured in a fresh one. The child writes its part of
 * the bundle as JSON; the runner assembles the bundle's {@code SchedSection}. Readings the OS may
 * not give ({@link org.racelab.harness.sched.LinuxReadings}) become "missing" lines, never errors.
 * Nothing here prints for people: {@code console.SchedSummary} and {@code chart.SchedCharts} do.
 */
package org.racelab.harness.sched;
