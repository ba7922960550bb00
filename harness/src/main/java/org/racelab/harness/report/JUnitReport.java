package org.racelab.harness.report;

import org.racelab.harness.bundle.Limits;
import org.racelab.harness.bundle.Verdict;
import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.console.StressOverview;
import org.racelab.harness.format.Texts;
import org.racelab.harness.format.Format;
import org.racelab.harness.grade.Grade;
import org.racelab.harness.grade.Grades;
import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.bundle.OutcomeCount;
import org.racelab.harness.bundle.StressFork;
import org.racelab.harness.bundle.StressTestResult;
import org.racelab.harness.bundle.VraceSection;
import org.racelab.harness.bundle.Machine;
import org.racelab.harness.bundle.OutputFiles;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code junit.xml} in the JUnit XML format CI servers read (Jenkins, GitLab, GitHub actions'
 * test reporters): one test suite per section, one test case per test and configuration (a
 * JCStress fork with its JVM options; a vrace run on platform threads or on N carriers), a
 * failure per FORBIDDEN outcome seen, an error for a test that errored, skipped for one that did
 * not run, and the machine as the suites' properties. A lab check's run has a suite of its grade
 * first ({@code racelab.lab}): one case per graded test, its points and the evidence's first line as
 * the failure's message and all of the evidence as its output, the score as
 * properties, so a grader that reads JUnit XML sees the same tests and points as Gradescope's file.
 * Written with the JDK's StAX writer, which
 * escapes; before it, every value follows {@link Texts}' rule (invisible, bidi and control
 * characters, and those XML 1.0 cannot hold, as escapes) and is cut to
 * {@link Limits#SHOWN_CHARS}. A suite lists at most {@link Limits#JUNIT_CASES} cases, and at
 * most {@link Limits#OUTCOME_ROWS} failures per case, failing and erroring cases first: the
 * counts in the suite's attributes are of all cases, and a property says how many were left out.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    /** Writes junit.xml through {@link OutputFiles}: whole or not at all, never through a link. */
    public static void write(ReadBundle read, Path file) throws IOException {
        OutputFiles.write(file, out -> write(read, out, file));
    }

    private static void write(ReadBundle read, OutputStream out, Path file) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "racelab");
            Bundle b = read.bundle();
            Optional<Grade> grade = Grades.of(b);
            if (grade.isPresent()) {
                List<Case> cases = new ArrayList<>();
                for (Grade.Row r : grade.get().rows()) {
                    Verdict v = r.passed() ? Verdict.PASSED : r.status().equals("NOT_RUN") ? Verdict.NOT_RUN : Verdict.FAILED;
                    String points = r.points() + " of " + r.maxPoints() + " points";
                    cases.add(new Case(r.id(), r.kind() + ", " + points, v,
                            r.evidence().isEmpty() ? points : points + ": " + r.evidence().get(0), List.of(),
                            String.join("\n", r.evidence())));
                }
                Map<String, String> score = new LinkedHashMap<>();
                score.put("racelab.lab.score", Integer.toString(grade.get().score()));
                score.put("racelab.lab.maxScore", Integer.toString(grade.get().maxScore()));
                score.put("racelab.lab.complete", Boolean.toString(grade.get().complete()));
                suite(x, "racelab.lab", b, cases, score);
            }
            if (b.stress() != null) {
                List<Case> cases = new ArrayList<>();
                for (StressTestResult t : (b.stress().tests())) {
                    stressCases(t, cases);
                }
                suite(x, "racelab.stress", b, cases, Map.of());
            }
            if (b.vrace() != null) {
                List<Case> cases = new ArrayList<>();
                for (VraceSection.VraceTestResult t : (b.vrace() == null ? List.<VraceSection.VraceTestResult>of() : b.vrace().tests())) {
                    for (VraceSection.VraceRun r : (t.runs())) {
                        String config = "virtual".equals(r.threads()) ? "virtual, " + r.carriers() + " carriers"
                                : r.threads() + " threads";
                        cases.add(new Case(t.name(), config, r.verdict(), r.reason(), forbidden(r.outcomes()),
                                r.verdict().ran() ? StressOverview.seenSentence(t.meaning(), r.outcomes(), r.samples(), true) : null));
                    }
                }
                suite(x, "racelab.vrace", b, cases, Map.of());
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof IOException io) {
                throw io; // a full disk says so, not "XMLStreamException"
            }
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** @param seen what was seen of the race or the interesting outcomes (system-out), or null */
    private record Case(String test, String config, Verdict verdict, String reason, List<OutcomeCount> forbidden,
                        String seen) {
    }

    private static void stressCases(StressTestResult t, List<Case> cases) {
        List<StressFork> configs = (t.configs());
        if (configs.isEmpty()) {
            // skipped or not run: one case says so
            cases.add(new Case(t.name(), "no configuration ran", t.verdict(), t.reason(), forbidden(t.outcomes()), null));
            return;
        }
        for (StressFork c : configs) {
            String config = String.format(Locale.ROOT, "fork %d, %s, %s", c.fork(), Format.orDash(c.compileMode()),
                    String.join(" ", (c.jvmArgs()).stream()
                            .filter(a -> !a.startsWith("-Djna.tmpdir") && !a.startsWith("-Djcstress.console")).toList()));
            String reason = String.join("; ", (c.messages()));
            cases.add(new Case(t.name(), config, c.verdict(), reason.isEmpty() ? t.reason() : reason,
                    forbidden(c.outcomes()),
                    c.verdict().ran() ? StressOverview.seenSentence(t.meaning(), c.outcomes(), c.samples(), true) : null));
        }
    }

    private static List<OutcomeCount> forbidden(List<OutcomeCount> outcomes) {
        return (outcomes).stream().filter(o -> "FORBIDDEN".equals(o.expect()) && o.count() > 0)
                .toList();
    }

    private static void suite(XMLStreamWriter x, String name, Bundle b, List<Case> cases, Map<String, String> extra)
            throws XMLStreamException {
        long failures = cases.stream().filter(c -> !c.forbidden().isEmpty() || c.verdict() == Verdict.FAILED).count();
        long errors = cases.stream().filter(c -> c.verdict() == Verdict.ERROR || c.verdict() == Verdict.UNKNOWN).count();
        long skipped = cases.stream().filter(c -> c.verdict().notRun()).count();
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        attr(x, "name", name);
        attr(x, "tests", Integer.toString(cases.size()));
        attr(x, "failures", Long.toString(failures));
        attr(x, "errors", Long.toString(errors));
        attr(x, "skipped", Long.toString(skipped));
        if (b.startedAt() != null) {
            attr(x, "timestamp", b.startedAt());
        }
        if (b.machine() != null) {
            attr(x, "hostname", b.machine().host());
        }
        // failing and erroring cases are listed first, up to the bound; passing and skipped ones fill the rest
        long loud = cases.stream().filter(JUnitReport::loud).count();
        long loudListed = Math.min(loud, Limits.JUNIT_CASES);
        long quietListed = Math.min(cases.size() - loud, Limits.JUNIT_CASES - loudListed);
        properties(x, b, cases.size() - loudListed - quietListed, extra);
        long loudSeen = 0;
        long quietSeen = 0;
        for (Case c : cases) {
            if (loud(c) ? loudSeen++ >= loudListed : quietSeen++ >= quietListed) {
                continue;
            }
            x.writeCharacters("\n    ");
            x.writeStartElement("testcase");
            attr(x, "classname", c.test());
            attr(x, "name", c.config());
            for (OutcomeCount o : c.forbidden().subList(0, Math.min(c.forbidden().size(), Limits.OUTCOME_ROWS))) {
                x.writeStartElement("failure");
                attr(x, "type", "FORBIDDEN");
                attr(x, "message", "FORBIDDEN outcome [" + o.id() + "] seen " + o.count() + " times: " + o.description());
                x.writeEndElement();
            }
            if (c.forbidden().size() > Limits.OUTCOME_ROWS) {
                x.writeStartElement("failure");
                attr(x, "type", "FORBIDDEN");
                attr(x, "message", "and " + (c.forbidden().size() - Limits.OUTCOME_ROWS)
                        + " more FORBIDDEN outcomes seen (in bundle.json)");
                x.writeEndElement();
            }
            if (c.forbidden().isEmpty() && c.verdict() == Verdict.FAILED) {
                x.writeStartElement("failure");
                attr(x, "type", "FAILED");
                attr(x, "message", Format.orDash(c.reason()));
                x.writeEndElement();
            } else if (c.verdict() == Verdict.ERROR || c.verdict() == Verdict.UNKNOWN) {
                x.writeStartElement("error");
                attr(x, "message", Format.orDash(c.reason()));
                x.writeEndElement();
            } else if (c.verdict().notRun()) {
                x.writeStartElement("skipped");
                attr(x, "message", c.verdict() + (c.reason() == null ? "" : ": " + c.reason()));
                x.writeEndElement();
            }
            if (c.seen() != null) {
                x.writeStartElement("system-out");
                x.writeCharacters(Texts.xml(Texts.cut(c.seen(), Limits.SHOWN_CHARS)));
                x.writeEndElement();
            }
            x.writeEndElement();
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }

    /** A case that fails or errors: listed whatever the bound. */
    private static boolean loud(Case c) {
        return !c.forbidden().isEmpty() || c.verdict() == Verdict.FAILED || c.verdict() == Verdict.ERROR
                || c.verdict() == Verdict.UNKNOWN;
    }

    private static void properties(XMLStreamWriter x, Bundle b, long notListed, Map<String, String> extra)
            throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("properties");
        for (Map.Entry<String, String> e : extra.entrySet()) {
            prop(x, e.getKey(), e.getValue());
        }
        if (notListed > 0) {
            prop(x, "racelab.casesNotListed", notListed + " cases past the first " + Limits.JUNIT_CASES
                    + " (failing ones listed first) are counted in this suite's attributes but not listed (see bundle.json)");
        }
        Machine m = b.machine();
        prop(x, "racelab.version", b.racelabVersion());
        prop(x, "racelab.profile", b.profile());
        if (m != null) {
            prop(x, "machine.host", m.host());
            prop(x, "machine.cpu", MachineFacts.cpu(m));
            prop(x, "machine.cores", MachineFacts.cores(m));
            prop(x, "machine.availableProcessors", Integer.toString(m.availableProcessors()));
            prop(x, "machine.os", MachineFacts.os(m));
            prop(x, "machine.arch", m.os() == null ? null : m.os().arch());
            prop(x, "machine.jvm", MachineFacts.jvm(m));
        }
        x.writeEndElement();
    }

    private static void prop(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeCharacters("\n      ");
        x.writeEmptyElement("property");
        attr(x, "name", name);
        attr(x, "value", Format.orDash(value));
    }

    private static void attr(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeAttribute(name, Texts.xml(Texts.cut(Format.orDash(value), Limits.SHOWN_CHARS)));
    }
}
