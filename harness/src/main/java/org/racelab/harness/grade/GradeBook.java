package org.racelab.harness.grade;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.racelab.harness.bundle.OutputFiles;
import org.racelab.harness.format.Texts;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
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
        OutputFiles.write(folder.resolve(JUNIT), out -> junit(out, assignment, rows));
    }

    private static void csv(Writer w, List<String> testIds, List<SubmissionRow> rows) throws IOException {
        List<String> header = new ArrayList<>(List.of("submission", "status", "score", "max_score"));
        testIds.forEach(id -> header.add(Grades.shortName(id)));
        header.add("problem");
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (SubmissionRow r : rows) {
                List<Object> cells = new ArrayList<>(List.of(Texts.spreadsheet(r.submission()), r.status(), r.score(), r.maxScore()));
                for (String id : testIds) {
                    cells.add(r.tests().stream().filter(t -> t.id().equals(id)).findFirst()
                            .map(t -> (Object) t.points()).orElse(""));
                }
                cells.add(Texts.spreadsheet(r.problem() == null ? "" : r.problem()));
                p.printRecord(cells);
            }
        }
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

    private static void junit(OutputStream out, String assignment, List<SubmissionRow> rows) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            attr(x, "name", "racelab lab grade " + assignment);
            for (SubmissionRow r : rows) {
                boolean ungraded = !r.status().equals("graded");
                x.writeCharacters("\n  ");
                x.writeStartElement("testsuite");
                attr(x, "name", r.submission());
                attr(x, "tests", Integer.toString(ungraded ? 1 : r.tests().size()));
                attr(x, "failures", Long.toString(ungraded ? 0 : r.tests().stream().filter(t -> !t.passed()).count()));
                attr(x, "errors", ungraded ? "1" : "0");
                attr(x, "time", String.format(Locale.ROOT, "%.1f", r.seconds()));
                x.writeCharacters("\n    ");
                x.writeStartElement("properties");
                property(x, "score", Integer.toString(r.score()));
                property(x, "max_score", Integer.toString(r.maxScore()));
                property(x, "status", r.status());
                x.writeEndElement();
                if (ungraded) {
                    testcase(x, r.submission(), r.status(), "error", r.problem() == null ? r.status() : r.problem(),
                            r.details());
                }
                for (Grade.Row t : r.tests()) {
                    testcase(x, r.submission(), t.name() + " (" + t.kind() + ")", t.passed() ? null : "failure",
                            t.points() + " of " + t.maxPoints() + " points", t.evidence());
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write junit.xml: " + e.getMessage(), e);
        }
    }

    private static void testcase(XMLStreamWriter x, String cls, String name, String problem, String message,
                                 List<String> text) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        attr(x, "classname", cls);
        attr(x, "name", name);
        if (problem != null) {
            x.writeStartElement(problem);
            attr(x, "message", message);
            x.writeCharacters(Texts.xml(String.join("\n", text)));
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeEmptyElement("property");
        attr(x, "name", name);
        attr(x, "value", value);
    }

    private static void attr(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeAttribute(name, Texts.xml(value));
    }
}
