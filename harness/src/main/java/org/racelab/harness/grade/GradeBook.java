package org.racelab.harness.grade;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.racelab.harness.bundle.OutputFiles;
import org.racelab.harness.format.Texts;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A class's grades: {@code grades.csv} (one row per submission, points per test, for a
 * spreadsheet), {@code grades.md} (the same with the evidence, for people) and {@code junit.xml}
 * (one test suite per submission, for anything that reads JUnit XML). All three are written again
 * after every submission, so a batch stopped half-way keeps every finished row.
 */
public final class GradeBook {

    public static final String CSV = "grades.csv";
    public static final String MARKDOWN = "grades.md";
    public static final String JUNIT = "junit.xml";

    private GradeBook() {
    }

    public static void write(Path folder, String assignment, List<String> testIds, List<SubmissionRow> rows)
            throws IOException {
        OutputFiles.write(folder.resolve(CSV), out -> csv(new OutputStreamWriter(out, StandardCharsets.UTF_8), testIds, rows));
        OutputFiles.writeString(folder.resolve(MARKDOWN), markdown(assignment, testIds, rows));
        OutputFiles.writeString(folder.resolve(JUNIT), junit(assignment, rows));
    }

    private static void csv(Writer w, List<String> testIds, List<SubmissionRow> rows) throws IOException {
        List<String> header = new ArrayList<>(List.of("submission", "status", "score", "max_score"));
        testIds.forEach(id -> header.add(Grades.shortName(id)));
        header.add("problem");
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (SubmissionRow r : rows) {
                List<Object> cells = new ArrayList<>(List.of(cell(r.submission()), r.status(), r.score(), r.maxScore()));
                for (String id : testIds) {
                    cells.add(r.tests().stream().filter(t -> t.id().equals(id)).findFirst()
                            .map(t -> (Object) t.points()).orElse(""));
                }
                cells.add(cell(r.problem() == null ? "" : r.problem()));
                p.printRecord(cells);
            }
        }
    }

    /** A spreadsheet reads a cell that starts with = + - @ as a formula: from a student's file name, it is text. */
    static String cell(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static String markdown(String assignment, List<String> testIds, List<SubmissionRow> rows) {
        StringBuilder s = new StringBuilder("# Grades: " + Texts.markdown(assignment) + "\n\n");
        s.append("| submission | status | points |");
        testIds.forEach(id -> s.append(' ').append(Texts.markdown(Grades.shortName(id))).append(" |"));
        s.append("\n| --- | --- | --- |");
        testIds.forEach(id -> s.append(" --- |"));
        s.append('\n');
        for (SubmissionRow r : rows) {
            s.append("| ").append(Texts.markdown(r.submission())).append(" | ").append(r.status()).append(" | ")
                    .append(r.score()).append(" / ").append(r.maxScore()).append(" |");
            for (String id : testIds) {
                s.append(' ').append(r.tests().stream().filter(t -> t.id().equals(id)).findFirst()
                        .map(t -> t.points() + " / " + t.maxPoints()).orElse("-")).append(" |");
            }
            s.append('\n');
        }
        for (SubmissionRow r : rows) {
            s.append("\n## ").append(Texts.markdown(r.submission())).append(": ").append(r.score()).append(" of ")
                    .append(r.maxScore()).append(" points\n\n");
            if (r.problem() != null) {
                s.append(Texts.markdown(r.problem())).append("\n\n");
            }
            for (String d : r.details()) {
                s.append("    ").append(Texts.terminal(d)).append('\n');
            }
            for (Grade.Row t : r.tests()) {
                s.append("- **").append(t.passed() ? "passed" : "FAILED").append("** ").append(t.points())
                        .append(" / ").append(t.maxPoints()).append(" ").append(Texts.markdown(t.name())).append(" (")
                        .append(t.kind()).append(")\n");
                for (String e : t.evidence()) {
                    s.append("  - ").append(Texts.markdown(e.strip())).append('\n');
                }
            }
        }
        return s.toString();
    }

    private static String junit(String assignment, List<SubmissionRow> rows) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"")
                .append(Texts.xml("racelab lab grade " + assignment)).append("\">\n");
        for (SubmissionRow r : rows) {
            long failures = r.tests().stream().filter(t -> !t.passed()).count();
            boolean ungraded = !r.status().equals("graded");
            x.append("  <testsuite name=\"").append(Texts.xml(r.submission())).append("\" tests=\"")
                    .append(ungraded ? 1 : r.tests().size()).append("\" failures=\"").append(ungraded ? 0 : failures)
                    .append("\" errors=\"").append(ungraded ? 1 : 0).append("\" time=\"")
                    .append(String.format(Locale.ROOT, "%.1f", r.seconds())).append("\">\n");
            x.append("    <properties><property name=\"score\" value=\"").append(r.score())
                    .append("\"/><property name=\"max_score\" value=\"").append(r.maxScore()).append("\"/></properties>\n");
            if (ungraded) {
                x.append("    <testcase classname=\"").append(Texts.xml(r.submission())).append("\" name=\"")
                        .append(Texts.xml(r.status())).append("\"><error message=\"")
                        .append(Texts.xml(r.problem() == null ? r.status() : r.problem())).append("\">")
                        .append(Texts.xml(String.join("\n", r.details()))).append("</error></testcase>\n");
            }
            for (Grade.Row t : r.tests()) {
                x.append("    <testcase classname=\"").append(Texts.xml(r.submission())).append("\" name=\"")
                        .append(Texts.xml(t.name() + " (" + t.kind() + ")")).append("\">");
                if (!t.passed()) {
                    x.append("<failure message=\"").append(Texts.xml(t.points() + " of " + t.maxPoints() + " points"))
                            .append("\">").append(Texts.xml(String.join("\n", t.evidence()))).append("</failure>");
                }
                x.append("</testcase>\n");
            }
            x.append("  </testsuite>\n");
        }
        return x.append("</testsuites>\n").toString();
    }
}
