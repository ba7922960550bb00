package org.racelab.harness.report;

import org.racelab.harness.bundle.OutputFiles;
import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.chart.SchedCharts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a bundle's report files: {@code report.html} (self-contained: styles and charts inline,
 * nothing fetched), {@code report.md}, {@code junit.xml}, and the scheduling timelines as SVG and
 * PNG files under {@code charts/}, all drawn from the bundle alone. Each file is written through
 * {@link OutputFiles}: to a fresh temporary file, then moved into place, so a reader never sees
 * half a page, a failure leaves nothing behind, and a symbolic link planted under a page's name
 * (the folder may be someone else's) is refused, never written through.
 */
public final class ReportFiles {

    public static final String HTML = "report.html";
    public static final String MARKDOWN = "report.md";
    public static final String JUNIT = "junit.xml";

    private ReportFiles() {
    }

    /**
     * The files written, and a line for each chart that could not be drawn (the pages are
     * written all the same).
     */
    public record Written(List<Path> files, List<String> problems) {
    }

    /** Writes the pages and the charts into {@code outDir}. */
    public static Written write(ReadBundle read, Path outDir) throws IOException {
        OutputFiles.folder(outDir);
        Path html = outDir.resolve(HTML);
        Path md = outDir.resolve(MARKDOWN);
        Path junit = outDir.resolve(JUNIT);
        OutputFiles.refuseLinks(List.of(html, md, junit));
        String page = html(read);
        String markdown = markdown(read);
        OutputFiles.writeString(html, page);
        OutputFiles.writeString(md, markdown);
        JUnitReport.write(read, junit);
        List<Path> files = new ArrayList<>(List.of(html, md, junit));
        List<String> problems = List.of();
        if (read.bundle().sched() != null) {
            SchedCharts.Drawn charts = SchedCharts.draw(read.bundle().sched(), outDir);
            charts.files().forEach(f -> files.add(outDir.resolve(f)));
            problems = charts.problems();
        }
        return new Written(List.copyOf(files), problems);
    }

    public static String html(ReadBundle read) {
        return Templates.html("report.html").execute(ReportModel.of(read, true));
    }

    public static String markdown(ReadBundle read) {
        return Templates.markdown("report.md").execute(ReportModel.of(read, false));
    }
}
