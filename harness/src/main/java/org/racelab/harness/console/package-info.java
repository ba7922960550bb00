/**
 * Everything racelab prints on a terminal: the progress line, the catalog listing, and the
 * summary of each section, drawn from the bundle's records. Runners never print; they report
 * progress through {@link org.racelab.harness.progress.ProgressListener}.
 */
package org.racelab.harness.console;
