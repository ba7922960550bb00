/**
 * The command line (Apache Commons CLI): one class per command, {@link org.racelab.harness.cli.LabRun}
 * to take a run from its folder to its bundle, and the exit codes of DESIGN.md.
 */
package org.racelab.harness.cli;
