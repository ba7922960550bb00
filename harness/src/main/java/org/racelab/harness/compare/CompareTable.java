package org.racelab.harness.compare;

import org.racelab.harness.bundle.Limits;
import org.racelab.harness.format.Texts;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A comparison for a terminal: the machines, then one table each for races, benchmarks and scheduling. */
public final class CompareTable {

    private final PrintStream out;

    public CompareTable(PrintStream out) {
        this.out = out;
    }

    public void print(Comparison c) {
        out.println("racelab compare: " + c.machines().size() + " machines");
        for (MachineColumn m : c.machines()) {
            out.println("  " + m.id() + "  " + t(m.label()));
            out.println("      " + t(m.source()) + ", started " + t(m.startedAt()) + ", racelab " + t(m.racelab()));
        }
        for (String line : c.cleaned()) {
            out.println("  cleaned: " + t(line));
        }
        if (!c.machineDifferences().isEmpty()) {
            out.println();
            out.println("The machines differ in:");
            c.machineDifferences().forEach(d -> out.println("  " + t(d)));
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
        figures("Benchmarks: ratio = subject / baseline (usually virtual / platform), with JMH's 99.9% error; "
                + "'*' where the machines' intervals do not overlap", c.bench());
        figures("Scheduling", c.sched());
    }

    private void figures(String title, List<Comparison.FigureRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println(title + ":");
        out.println();
        List<String> head = new ArrayList<>(List.of("FIGURE"));
        for (int i = 0; i < rows.get(0).values().size(); i++) {
            head.add("M" + (i + 1));
        }
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
