package org.racelab.harness.compare;

import org.racelab.harness.format.Format;
import org.racelab.harness.report.ReportModel;

/**
 * One machine's result for one test in one configuration. A test that did not run there
 * (SKIPPED, NOT_RUN, ERROR, or absent from the bundle) says so; it is never shown as "Never".
 *
 * @param state    RAN, or the verdict that kept it from giving a rate (SKIPPED, NOT_RUN, ERROR), or ABSENT
 * @param observed race samples (meaningful when RAN)
 * @param total    samples (meaningful when RAN)
 * @param hasRace  whether the test has race outcomes at all (no-race cases have none)
 */
public record RaceCell(String state, long observed, long total, boolean hasRace, String reason) {

    public static final String RAN = "RAN";
    public static final String ABSENT = "ABSENT";

    /** Whether the cell gives a race rate to compare. */
    public boolean rated() {
        return RAN.equals(state) && hasRace && total > 0;
    }

    public String word() {
        if (rated()) {
            return RaceWord.of(observed, total).word();
        }
        if (RAN.equals(state)) {
            return hasRace ? "no samples" : "no race";
        }
        return ABSENT.equals(state) ? "-" : state;
    }

    /** "Sometimes 4,475/7,360,531", or the state. */
    public String text() {
        if (rated()) {
            return word() + " " + Format.count(observed) + "/" + Format.count(total);
        }
        if (RAN.equals(state) && !hasRace) {
            return "no race " + Format.count(total);
        }
        return word();
    }
}
