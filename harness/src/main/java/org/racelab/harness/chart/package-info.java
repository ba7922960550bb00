/**
 * Charts (JFreeChart, written as SVG by JFreeSVG): outcome histograms, benchmark bars and the
 * scheduling timelines, drawn from the bundle's records for the report and the chart files.
 */
package org.racelab.harness.chart;
