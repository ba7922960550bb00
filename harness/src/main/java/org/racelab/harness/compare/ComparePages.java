package org.racelab.harness.compare;

import org.racelab.harness.bundle.OutputFiles;
import org.racelab.harness.report.Templates;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code compare.html} and {@code compare.md}: the same tables as the terminal's, for a page and
 * for a tracker. Written through {@link OutputFiles}: never half a page, never through a link.
 */
public final class ComparePages {

    public static final String HTML = "compare.html";
    public static final String MARKDOWN = "compare.md";

    private ComparePages() {
    }

    public static String html(Comparison c) {
        return Templates.html("compare.html").execute(new CompareView(c));
    }

    public static String markdown(Comparison c) {
        return Templates.markdown("compare.md").execute(new CompareView(c));
    }

    public static List<Path> write(Comparison c, Path dir) throws IOException {
        OutputFiles.folder(dir);
        Path html = dir.resolve(HTML);
        Path md = dir.resolve(MARKDOWN);
        OutputFiles.refuseLinks(List.of(html, md));
        OutputFiles.writeString(html, html(c));
        OutputFiles.writeString(md, markdown(c));
        return List.of(html, md);
    }

    /** The comparison with what the templates need beside it. */
    public record CompareView(Comparison c) {
        public List<MachineColumn> machines() {
            return c.machines();
        }

        public List<String> differences() {
            return c.machineDifferences();
        }

        public boolean anyDifferences() {
            return !c.machineDifferences().isEmpty();
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
