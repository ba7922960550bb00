package org.racelab.harness.compare;

import org.racelab.harness.bundle.BenchRatio;
import org.racelab.harness.bundle.Limits;
import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.format.Texts;
import org.racelab.harness.report.BenchGroups;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A comparison as people read it, for two machines or for a class of three hundred: the
 * per-machine {@link Comparison}, the bundles that were skipped (one line each), and, where the
 * machines are grouped ({@code --by}, or more than {@value Limits#MACHINE_COLUMNS} machines), one
 * column per group instead of one per machine. A group's cell pools its machines' samples: its
 * word is the pooled samples' word, and the test of whether the groups' rates differ is the
 * same test as between machines, between the groups' pooled samples.
 *
 * @param by          what the machines are grouped by; null: one column per machine
 * @param byWhy       why they are grouped ("--by arch", or that there are too many for a column each)
 * @param groups      the group columns, the largest first
 * @param machineGroup each machine's group id (G1, ...), by machine index; empty when not grouped
 * @param races       the race rows, a cell per group; empty when not grouped
 * @param bench       the benchmarks' ratios, per group: the median over its machines; empty when not grouped
 * @param differences what differs between the machines, counted (for many machines)
 * @param facts       each machine's value of every {@link GroupBy} fact, in its order, by machine index
 */
public record Fleet(Comparison perMachine, List<String> skipped, GroupBy by, String byWhy, List<Group> groups,
                    List<String> machineGroup, List<GroupRow> races, List<Comparison.FigureRow> bench,
                    List<String> differences, List<List<String>> facts) {

    /**
     * A group column.
     *
     * @param label    its value of the fact ("aarch64"), as shown (look-alikes with their code points)
     * @param members  its machines' indices
     */
    public record Group(String id, String label, List<Integer> members) {
        public int machines() {
            return members.size();
        }

        /** The members' ids, at most {@code most}, and how many more: "M1, M4, M9 and 37 more". */
        public String memberIds(int most) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(most, members.size()); i++) {
                sb.append(i == 0 ? "" : ", ").append('M').append(members.get(i) + 1);
            }
            return members.size() > most ? sb + " and " + (members.size() - most) + " more" : sb.toString();
        }
    }

    /** A race row with a cell per group; {@code sentence} reads it in one line. */
    public record GroupRow(String caseName, String variant, String kind, String config, String sc,
                           List<GroupCell> cells, String flag, String why, boolean meaningful, String sentence) {
        public boolean flagged() {
            return !flag.isEmpty();
        }
    }

    /**
     * @param by null for one column per machine, unless there are more than
     *           {@value Limits#MACHINE_COLUMNS} machines: then by architecture
     */
    public static Fleet of(List<ReadBundle> reads, List<String> skipped, GroupBy by) {
        Comparison c = Comparison.of(reads);
        List<List<String>> facts = reads.stream().map(r -> Arrays.stream(GroupBy.values())
                .map(b -> b.group(r.bundle().machine())).toList()).toList();
        String why;
        if (by != null) {
            why = "--by " + by.word();
        } else if (reads.size() > Limits.MACHINE_COLUMNS) {
            by = GroupBy.ARCH;
            why = String.format(Locale.ROOT, "%d machines are more than %d columns; --by %s chooses the fact",
                    reads.size(), Limits.MACHINE_COLUMNS, GroupBy.choices());
        } else {
            return new Fleet(c, List.copyOf(skipped), null, "", List.of(), List.of(), List.of(), List.of(),
                    c.machineDifferences(), facts);
        }
        List<Group> groups = groups(reads, by);
        String[] machineGroup = new String[reads.size()];
        groups.forEach(g -> g.members().forEach(i -> machineGroup[i] = g.id()));
        List<String> names = groups.stream().map(Group::label).toList();
        List<GroupRow> rows = new ArrayList<>();
        for (Comparison.RaceRow r : c.races()) {
            List<GroupCell> cells = new ArrayList<>();
            List<RaceCell> pooled = new ArrayList<>();
            for (Group g : groups) {
                GroupCell cell = GroupCell.of(g.label(), g.members().stream().map(i -> r.cells().get(i)).toList());
                cells.add(cell);
                pooled.add(cell.pooled());
            }
            Comparison.RaceRow judged = Comparison.judge(r.caseName(), r.variant(), r.kind(), r.config(), pooled,
                    groups.size(), names);
            String sentence = r.caseName() + "." + r.variant() + " (" + r.config() + "): "
                    + String.join(", ", cells.stream().map(GroupCell::sentence).toList());
            rows.add(new GroupRow(r.caseName(), r.variant(), r.kind(), r.config(), r.sc(), cells, judged.flag(),
                    judged.why(), judged.meaningful(), sentence));
        }
        return new Fleet(c, List.copyOf(skipped), by, why, groups, Arrays.asList(machineGroup), rows,
                bench(reads, groups), MachineDifferences.counted(reads), facts);
    }

    /**
     * The groups, the largest first; past {@value Limits#GROUP_COLUMNS}, the smallest are one
     * "other" group. Labels that differ but look alike are shown with their code points.
     */
    static List<Group> groups(List<ReadBundle> reads, GroupBy by) {
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < reads.size(); i++) {
            String label = Texts.cut(by.group(reads.get(i).bundle().machine()), 80);
            byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(i);
        }
        List<Map.Entry<String, List<Integer>>> sorted = new ArrayList<>(byLabel.entrySet());
        sorted.sort(Comparator.<Map.Entry<String, List<Integer>>>comparingInt(e -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        Map<String, List<String>> skeletons = new LinkedHashMap<>();
        sorted.forEach(e -> skeletons.computeIfAbsent(Texts.skeleton(e.getKey()), k -> new ArrayList<>()).add(e.getKey()));
        List<Group> groups = new ArrayList<>();
        List<Integer> other = new ArrayList<>();
        int otherGroups = 0;
        for (Map.Entry<String, List<Integer>> e : sorted) {
            if (groups.size() >= Limits.GROUP_COLUMNS - 1 && sorted.size() > Limits.GROUP_COLUMNS) {
                other.addAll(e.getValue());
                otherGroups++;
                continue;
            }
            boolean lookAlike = skeletons.get(Texts.skeleton(e.getKey())).size() > 1;
            String label = lookAlike ? Texts.codePoints(e.getKey()) + " (looks like another group)" : e.getKey();
            groups.add(new Group("G" + (groups.size() + 1), label, List.copyOf(e.getValue())));
        }
        if (!other.isEmpty()) {
            other.sort(null);
            groups.add(new Group("G" + (groups.size() + 1), "other (" + otherGroups + " smaller groups)",
                    List.copyOf(other)));
        }
        return groups;
    }

    /** Per benchmark comparison and group: the median ratio over the group's machines that have it, and its range. */
    private static List<Comparison.FigureRow> bench(List<ReadBundle> reads, List<Group> groups) {
        Map<String, String> questions = new LinkedHashMap<>();
        List<Comparison.FigureRow> out = new ArrayList<>();
        for (Map.Entry<String, BenchRatio[]> e : BenchRows.ratios(reads, questions).entrySet()) {
            List<String> values = new ArrayList<>();
            for (Group g : groups) {
                double[] ratios = g.members().stream().map(i -> e.getValue()[i])
                        .filter(r -> r != null && Double.isFinite(r.ratio())).mapToDouble(BenchRatio::ratio)
                        .sorted().toArray();
                if (ratios.length == 0) {
                    values.add("-");
                    continue;
                }
                int n = ratios.length;
                double median = n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
                long bimodal = g.members().stream().map(i -> e.getValue()[i])
                        .filter(r -> r != null && Double.isFinite(r.ratio()) && r.bimodal()).count();
                values.add("median " + BenchGroups.num(median) + " (" + BenchGroups.num(ratios[0]) + "-"
                        + BenchGroups.num(ratios[n - 1]) + ") on " + n + " of " + g.machines()
                        + (bimodal == 0 ? "" : ", bimodal on " + bimodal));
            }
            out.add(new Comparison.FigureRow(questions.get(e.getKey()), e.getKey(), values, false));
        }
        return out;
    }

    public boolean grouped() {
        return by != null;
    }

    public List<MachineColumn> machines() {
        return perMachine.machines();
    }

    public List<GroupRow> flaggedRaces() {
        return races.stream().filter(GroupRow::flagged).toList();
    }
}
