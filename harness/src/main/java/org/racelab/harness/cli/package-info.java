/**
 * The command line (Apache Commons CLI): one class per command, which parses its options and
 * hands the work to a stage: a run ({@link org.racelab.harness.run}), a report or a comparison.
 * Exit codes are in {@link org.racelab.harness.run.ExitCode}.
 */
package org.racelab.harness.cli;
