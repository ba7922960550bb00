/**
 * The results bundle ({@code bundle.json}, schema {@code racelab.bundle/1}): plain records, one
 * per section, written with Jackson. It is the only thing that passes from runners to reports and
 * between machines.
 */
package org.racelab.harness.bundle;
