package org.racelab.harness.report;

import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.chart.SchedCharts;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a bundle's report files: {@code report.html} (self-contained: styles and charts inline,
 * nothing fetched), {@code report.md}, {@code junit.xml}, and the scheduling timelines as SVG and
 * PNG files under {@code charts/}, all drawn from the bundle alone. Each page is written to a
 * temporary file and moved into place, so a reader never sees half a page.
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
        Files.createDirectories(outDir);
        Path html = outDir.resolve(HTML);
        Path md = outDir.resolve(MARKDOWN);
        Path junit = outDir.resolve(JUNIT);
        String page = html(read);
        String markdown = markdown(read);
        replace(html, page);
        replace(md, markdown);
        Path tmp = outDir.resolve(JUNIT + ".tmp");
        JUnitReport.write(read, tmp);
        Files.move(tmp, junit, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

    private static void replace(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(text);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
