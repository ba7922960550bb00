/**
 * How racelab writes a figure ({@link org.racelab.harness.format.Format}) and makes a string from
 * someone else's machine safe for where it goes ({@link org.racelab.harness.format.Texts}). Every
 * stage may use it; it uses no stage.
 */
package org.racelab.harness.format;
