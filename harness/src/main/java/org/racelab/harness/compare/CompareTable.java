package org.racelab.harness.compare;

import org.racelab.harness.bundle.Limits;
import org.racelab.harness.format.Texts;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A comparison for a terminal: the machines (or, for many, their groups) and the bundles skipped,
 * then one table each for races, benchmarks and scheduling.
 */
public final class CompareTable {

    private final PrintStream out;

    public CompareTable(PrintStream out) {
        this.out = out;
    }

    public void print(Fleet f) {
        Comparison c = f.perMachine();
        out.println("racelab compare: " + c.machines().size() + (c.machines().size() == 1 ? " machine" : " machines")
                + (f.skipped().isEmpty() ? "" : ", " + f.skipped().size() + " skipped"));
        if (c.machines().size() <= Limits.MACHINE_COLUMNS) {
            for (MachineColumn m : c.machines()) {
                out.println("  " + m.id() + "  " + t(m.label()));
                out.println("      " + t(m.source()) + ", started " + t(m.startedAt()) + ", racelab " + t(m.racelab()));
            }
        } else {
            out.println("  M1 to M" + c.machines().size() + ": each with its bundle in compare.md, compare.html and "
                    + "compare.csv (--out DIR)");
        }
        for (String line : f.skipped()) {
            out.println("skipped: " + t(line));
        }
        for (String line : c.cleaned()) {
            out.println("  cleaned: " + t(line));
        }
        if (f.grouped()) {
            out.println();
            out.println("Grouped by " + f.by().what() + " (" + t(f.byWhy()) + "):");
            for (Fleet.Group g : f.groups()) {
                out.println("  " + g.id() + "  " + t(g.label()) + ": " + g.machines()
                        + (g.machines() == 1 ? " machine (" : " machines (") + g.memberIds(12) + ")");
            }
        }
        if (!f.differences().isEmpty()) {
            out.println();
            out.println("The machines differ in:");
            f.differences().forEach(d -> out.println("  " + t(d)));
        }
        if (f.grouped()) {
            groupedRaces(f);
            figures("Benchmarks: ratio = subject / baseline (usually virtual / platform), the median over each group's "
                    + "machines (lowest-highest)", f.bench(), f.groups().stream().map(Fleet.Group::id).toList());
            if (!c.sched().isEmpty()) {
                out.println();
                out.println("Scheduling: per machine in compare.csv and compare.json (--out DIR).");
            }
            return;
        }
        if (!c.races().isEmpty()) {
            out.println();
            out.println("Races: race samples/samples per machine, in litmus words (Never / Sometimes / Always).");
            out.println("A row is flagged where the machines' words differ (differs), where the rates differ beyond chance");
            out.println("(rate differs: " + RateTest.WHICH + "; p < " + RateTest.ALPHA
                    + "), or where it did not run on a machine (not comparable).");
            out.println();
            List<String> head = new ArrayList<>(List.of("CASE.VARIANT", "CONFIGURATION"));
            c.machines().forEach(m -> head.add(m.id()));
            head.add("FLAG");
            List<List<String>> rows = new ArrayList<>();
            for (Comparison.RaceRow r : c.races()) {
                List<String> row = new ArrayList<>(List.of(r.caseName() + "." + r.variant(), r.config()));
                r.cells().forEach(cell -> row.add(cell.text()));
                row.add(r.flagged() ? r.flag() + ": " + r.why() : "");
                rows.add(row);
            }
            table(head, rows);
            long flagged = c.races().stream().filter(Comparison.RaceRow::flagged).count();
            out.println();
            out.println(flagged + " of " + c.races().size() + " rows flagged ("
                    + c.races().stream().filter(r -> r.flag().equals("differs")).count() + " differ in word, "
                    + c.races().stream().filter(Comparison.RaceRow::meaningful).count() + " beyond chance, "
                    + c.races().stream().filter(r -> r.flag().equals("not comparable")).count() + " not comparable).");
            if (!c.racesNote().isEmpty()) {
                out.println(t(c.racesNote()) + ".");
            }
        }
        List<String> ids = c.machines().stream().map(MachineColumn::id).toList();
        figures("Benchmarks: ratio = subject / baseline (usually virtual / platform), with JMH's 99.9% error; "
                + "'*' where the machines' intervals do not overlap", c.bench(), ids);
        figures("Scheduling", c.sched(), ids);
    }

    private void groupedRaces(Fleet f) {
        if (f.races().isEmpty()) {
            return;
        }
        out.println();
        out.println("Races per group: the word of the group's samples pooled (Never / Sometimes / Always), on how many");
        out.println("of its machines the race showed out of those where it ran, and its race samples/samples.");
        out.println("A row is flagged where the groups' words differ (differs), where their rates differ beyond chance");
        out.println("(rate differs: " + RateTest.WHICH + "; p < " + RateTest.ALPHA
                + "), or where it ran in no machine of a group (not comparable).");
        out.println();
        List<String> head = new ArrayList<>(List.of("CASE.VARIANT", "CONFIGURATION"));
        f.groups().forEach(g -> head.add(g.id()));
        head.add("FLAG");
        List<List<String>> rows = new ArrayList<>();
        for (Fleet.GroupRow r : f.races()) {
            List<String> row = new ArrayList<>(List.of(r.caseName() + "." + r.variant(), r.config()));
            r.cells().forEach(cell -> row.add(cell.text()));
            row.add(r.flagged() ? r.flag() + ": " + r.why() : "");
            rows.add(row);
        }
        table(head, rows);
        List<Fleet.GroupRow> flagged = f.flaggedRaces();
        out.println();
        out.println(flagged.size() + " of " + f.races().size() + " rows flagged ("
                + flagged.stream().filter(r -> r.flag().equals("differs")).count() + " differ in word, "
                + flagged.stream().filter(Fleet.GroupRow::meaningful).count() + " beyond chance, "
                + flagged.stream().filter(r -> r.flag().equals("not comparable")).count() + " not comparable)"
                + (flagged.isEmpty() ? "." : ":"));
        flagged.stream().filter(r -> !r.flag().equals("not comparable"))
                .forEach(r -> out.println("  " + t(r.sentence())));
        if (!f.perMachine().racesNote().isEmpty()) {
            out.println(t(f.perMachine().racesNote()) + ".");
        }
    }

    private void figures(String title, List<Comparison.FigureRow> rows, List<String> columns) {
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println(title + ":");
        out.println();
        List<String> head = new ArrayList<>(List.of("FIGURE"));
        head.addAll(columns);
        head.add("");
        List<List<String>> body = new ArrayList<>();
        for (Comparison.FigureRow r : rows) {
            List<String> row = new ArrayList<>(List.of(r.label()));
            row.addAll(r.values());
            row.add(r.differs() ? "*" : "");
            body.add(row);
        }
        table(head, body);
    }

    private void table(List<String> head, List<List<String>> rows) {
        int cols = head.size();
        int[] width = new int[cols];
        for (int i = 0; i < cols; i++) {
            width[i] = t(head.get(i)).length();
            for (List<String> r : rows) {
                // the last column is free text and is not padded
                width[i] = i == cols - 1 ? 0 : Math.max(width[i], Math.min(60, t(r.get(i)).length()));
            }
        }
        line(head, width);
        rows.forEach(r -> line(r, width));
    }

    private void line(List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String s = t(cells.get(i));
            sb.append(i == 0 ? "  " : "  ").append(s);
            if (i < cells.size() - 1) {
                sb.append(" ".repeat(Math.max(0, width[i] - s.length())));
            }
        }
        out.println(sb.toString().stripTrailing());
    }

    private static String t(String s) {
        return Texts.terminal(Texts.cut(s, Limits.SHOWN_CHARS));
    }
}
