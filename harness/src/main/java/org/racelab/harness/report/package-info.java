/**
 * Stage 4, the report of one bundle: {@code report.html}, {@code report.md}, {@code junit.xml} and
 * the chart files, drawn from the bundle alone. It reads bundles; it runs nothing.
 */
package org.racelab.harness.report;
