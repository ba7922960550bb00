package org.racelab.harness.compare;

import org.racelab.harness.bundle.OutputFiles;
import org.racelab.harness.report.Templates;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code compare.html} and {@code compare.md}: the same tables as the terminal's, for a page and
 * for a tracker; beside them {@code compare.json} and {@code compare.csv} ({@link CompareData})
 * for a program and a spreadsheet. Written through {@link OutputFiles}: never half a file,
 * never through a link.
 */
public final class ComparePages {

    public static final String HTML = "compare.html";
    public static final String MARKDOWN = "compare.md";

    private ComparePages() {
    }

    public static String html(Fleet f) {
        return Templates.html("compare.html").execute(new CompareView(f));
    }

    public static String markdown(Fleet f) {
        return Templates.markdown("compare.md").execute(new CompareView(f));
    }

    public static List<Path> write(Fleet f, Path dir) throws IOException {
        OutputFiles.folder(dir);
        Path html = dir.resolve(HTML);
        Path md = dir.resolve(MARKDOWN);
        Path json = dir.resolve(CompareData.JSON);
        Path csv = dir.resolve(CompareData.CSV);
        OutputFiles.refuseLinks(List.of(html, md, json, csv));
        OutputFiles.writeString(html, html(f));
        OutputFiles.writeString(md, markdown(f));
        OutputFiles.writeString(json, CompareData.json(f));
        OutputFiles.writeString(csv, CompareData.csv(f));
        return List.of(html, md, json, csv);
    }

    /** A machine's row in the machines' table, with its group's id when grouped. */
    public record MachineView(MachineColumn m, String group) {
        public String id() {
            return m.id();
        }

        public String host() {
            return m.host();
        }

        public String lookAlike() {
            return m.lookAlike();
        }

        public String cpu() {
            return m.cpu();
        }

        public String cores() {
            return m.cores();
        }

        public String os() {
            return m.os();
        }

        public String jdk() {
            return m.jdk();
        }

        public String source() {
            return m.source();
        }

        public String startedAt() {
            return m.startedAt();
        }

        public String racelab() {
            return m.racelab();
        }
    }

    /** The comparison with what the templates need beside it. */
    public record CompareView(Fleet f, Comparison c) {
        CompareView(Fleet f) {
            this(f, f.perMachine());
        }

        public List<MachineView> machines() {
            List<MachineView> out = new java.util.ArrayList<>();
            for (int i = 0; i < c.machines().size(); i++) {
                out.add(new MachineView(c.machines().get(i), f.grouped() ? f.machineGroup().get(i) : ""));
            }
            return out;
        }

        public List<String> differences() {
            return f.differences();
        }

        public boolean anyDifferences() {
            return !f.differences().isEmpty();
        }

        public boolean grouped() {
            return f.grouped();
        }

        public String groupedBy() {
            return f.grouped() ? f.by().what() : "";
        }

        public String byWhy() {
            return f.byWhy();
        }

        public List<Fleet.Group> groups() {
            return f.groups();
        }

        public List<Fleet.GroupRow> groupRaces() {
            return f.races();
        }

        public List<String> flaggedSentences() {
            return f.flaggedRaces().stream().filter(r -> !r.flag().equals("not comparable"))
                    .map(Fleet.GroupRow::sentence).toList();
        }

        public boolean anyFlaggedSentences() {
            return !flaggedSentences().isEmpty();
        }

        public String groupFlaggedCount() {
            return f.flaggedRaces().size() + " of " + f.races().size();
        }

        public List<Comparison.FigureRow> groupBench() {
            return f.bench();
        }

        public boolean anyGroupBench() {
            return !f.bench().isEmpty();
        }

        public List<String> skipped() {
            return f.skipped();
        }

        public boolean anySkipped() {
            return !f.skipped().isEmpty();
        }

        public String machineCount() {
            return c.machines().size() + (c.machines().size() == 1 ? " machine" : " machines");
        }

        /** The grouped Markdown table's separator row: one cell per column. */
        public String mdGroupSeparator() {
            return "| --- | --- | --- |" + " --- |".repeat(f.groups().size()) + " --- |";
        }

        public String mdGroupFigureSeparator() {
            return "| --- |" + " --- |".repeat(f.groups().size());
        }

        public List<Comparison.RaceRow> races() {
            return c.races();
        }

        public boolean anyRaces() {
            return !c.races().isEmpty();
        }

        public List<Comparison.FigureRow> bench() {
            return c.bench();
        }

        public boolean anyBench() {
            return !c.bench().isEmpty();
        }

        public List<Comparison.FigureRow> sched() {
            return c.sched();
        }

        public boolean anySched() {
            return !c.sched().isEmpty();
        }

        public List<String> cleaned() {
            return c.cleaned();
        }

        public boolean anyCleaned() {
            return !c.cleaned().isEmpty();
        }

        public String racesNote() {
            return c.racesNote();
        }

        public String which() {
            return RateTest.WHICH;
        }

        public String alpha() {
            return Double.toString(RateTest.ALPHA);
        }

        public String flaggedCount() {
            return c.flaggedRaces().size() + " of " + c.races().size();
        }

        /** The Markdown table's separator row: one cell per column. */
        public String mdSeparator() {
            return "| --- | --- | --- |" + " --- |".repeat(c.machines().size()) + " --- |";
        }

        public String mdFigureSeparator() {
            return "| --- |" + " --- |".repeat(c.machines().size());
        }
    }
}
