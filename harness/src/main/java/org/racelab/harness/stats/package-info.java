/** Small statistics shared by the runners and the charts (percentiles of measured figures). */
package org.racelab.harness.stats;
