/**
 * A run, from its folder to its bundle: {@link org.racelab.harness.run.LabRun} makes the folder,
 * runs each {@link org.racelab.harness.run.Section} (a runner and its summary), writes the bundle
 * after each, keeps what was measured when the run is cut short, and writes the report at the end.
 * It connects the stages; it measures nothing and formats nothing of its own.
 */
package org.racelab.harness.run;
