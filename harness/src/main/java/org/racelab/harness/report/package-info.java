/** Everything racelab shows to people: terminal tables, progress, charts. It reads bundles; it runs nothing. */
package org.racelab.harness.report;
