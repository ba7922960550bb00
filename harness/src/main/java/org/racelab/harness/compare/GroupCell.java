package org.racelab.harness.compare;

import org.racelab.harness.format.Format;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One group's result for one test in one configuration: the word of its machines' samples
 * pooled, on how many of its machines the race showed out of those where it ran, and the
 * machines where it did not run, by state.
 *
 * @param seenOn   machines where the race showed (a race sample or more)
 * @param ranOn    machines that give a race rate (ran, with samples)
 * @param noRaceOn machines where it ran, a test without race outcomes
 * @param notRun   the others, by state (SKIPPED, NOT_RUN, ERROR, "absent", "no samples")
 * @param pooled   the group's samples pooled, as one cell, the one its word and test are of
 */
public record GroupCell(String group, int seenOn, int ranOn, int noRaceOn, Map<String, Integer> notRun,
                        RaceCell pooled) {

    public GroupCell {
        notRun = Map.copyOf(notRun);
    }

    static GroupCell of(String group, List<RaceCell> members) {
        int seen = 0;
        int ran = 0;
        int noRace = 0;
        long observed = 0;
        long total = 0;
        long noRaceTotal = 0;
        Map<String, Integer> notRun = new TreeMap<>();
        String reason = null;
        for (RaceCell c : members) {
            if (c.rated()) {
                ran++;
                seen += c.observed() > 0 ? 1 : 0;
                observed = saturated(observed, c.observed());
                total = saturated(total, c.total());
            } else if (RaceCell.RAN.equals(c.state()) && !c.hasRace()) {
                noRace++;
                noRaceTotal = saturated(noRaceTotal, c.total());
            } else {
                String state = RaceCell.ABSENT.equals(c.state()) ? "absent" : c.word();
                notRun.merge(state, 1, Integer::sum);
                reason = reason == null ? c.reason() : reason;
            }
        }
        RaceCell pooled;
        if (ran > 0) {
            pooled = new RaceCell(RaceCell.RAN, observed, total, true, null);
        } else if (noRace > 0) {
            pooled = new RaceCell(RaceCell.RAN, 0, noRaceTotal, false, null);
        } else {
            String state = notRun.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse("absent");
            pooled = new RaceCell("absent".equals(state) ? RaceCell.ABSENT : state, 0, 0, false, reason);
        }
        return new GroupCell(group, seen, ran, noRace, notRun, pooled);
    }

    /** A sum that stops at Long.MAX_VALUE: a made-up bundle's counts cannot wrap round to a small rate. */
    private static long saturated(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    /** The word of the pooled samples (Never / Sometimes / Always), or why there is none. */
    public String word() {
        return pooled.word();
    }

    public int machinesNotRun() {
        return notRun.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "Sometimes on 37 of 40: 4,475/7,360,531; did not run on 3 (SKIPPED 3)". */
    public String text() {
        String head;
        if (pooled.rated()) {
            head = word() + " on " + seenOn + " of " + ranOn + ": " + Format.count(pooled.observed()) + "/"
                    + Format.count(pooled.total());
        } else if (noRaceOn > 0) {
            head = "no race on " + noRaceOn + ": " + Format.count(pooled.total());
        } else {
            return "did not run on " + machinesNotRun() + " (" + states() + ")";
        }
        return machinesNotRun() == 0 ? head : head + "; did not run on " + machinesNotRun() + " (" + states() + ")";
    }

    /** The row's words for this group: "Sometimes on 37 of 40 aarch64 machines". */
    public String sentence() {
        if (pooled.rated()) {
            return word() + " on " + seenOn + " of " + ranOn + " " + group + (ranOn == 1 ? " machine" : " machines");
        }
        if (noRaceOn > 0) {
            return "no race on " + noRaceOn + " " + group;
        }
        return "did not run on the " + machinesNotRun() + " " + group;
    }

    private String states() {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(notRun).forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
        return sb.toString();
    }
}
