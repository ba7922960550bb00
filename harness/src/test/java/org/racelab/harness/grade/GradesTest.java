package org.racelab.harness.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.bundle.LabSection;
import org.racelab.harness.bundle.Machine;
import org.racelab.harness.bundle.ModelSection;
import org.racelab.harness.bundle.OutcomeCount;
import org.racelab.harness.bundle.StressSection;
import org.racelab.harness.bundle.StressTestResult;
import org.racelab.harness.bundle.Verdict;
import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.report.JUnitReport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grades read from a bundle, and the files a class's grades go to. */
class GradesTest {

    private static final String STRESS = "lab.counter.CounterStress";
    private static final String JUNIT = "lab.counter.CounterTest";
    private static final String MODEL = "org.racelab.stress.interleaving.Interleaving_01_LostUpdate$Plain";

    static Bundle lab(Verdict stress, List<LabSection.JUnitCase> junit) {
        LabSection lab = new LabSection("counter", "A counter", "claim", null, "read this", "built-in", "alice", 2,
                List.of(new LabSection.Item(STRESS, "stress", 6, "lost update", MODEL),
                        new LabSection.Item(JUNIT, "junit", 4, "counting", null)),
                junit, List.of(), true, null);
        StressTestResult r = new StressTestResult("lab.counter.CounterStress", "CounterStress", "-", 2, null, "no-race",
                null, null, stress, stress == Verdict.FAILED ? "FORBIDDEN 1" : null, 20_000_000L,
                List.of(new OutcomeCount("1", stress == Verdict.FAILED ? 12_345 : 0, "FORBIDDEN",
                                "Two increments read the same value, one update was lost."),
                        new OutcomeCount("2", 19_987_655, "ACCEPTABLE", "Both counted.")),
                null, null, null, List.of());
        StressSection s = new StressSection("jcstress 0.16", "x", List.of(), 2, true, null, 1, null, List.of(r));
        ModelSection m = new ModelSection("racelab", "ok", List.of(new ModelSection.ModelResult(
                "org.racelab.stress.interleaving.Interleaving_01_LostUpdate.Plain", true, true, 20, 6L, 0.1,
                List.of("a1", "a2"), List.of(new ModelSection.ScOutcome("1", "ACCEPTABLE_INTERESTING", "lost", true,
                List.of("a1: r = i (0)", "a2: r = i (0)"), null)))));
        return Bundle.start("t", "lab check", "smoke", Map.of(), "now", (Machine) null).withStress(s).withModel(m)
                .withLab(lab).finish("later", List.of());
    }

    @Test
    void aForbiddenOutcomeIsTheEvidenceWithItsCountsAndTheInterleavingBehindIt() {
        Grade g = Grades.of(lab(Verdict.FAILED, List.of(pass("counts"), pass("starts")))).orElseThrow();
        Grade.Row stress = g.rows().get(0);
        assertFalse(stress.passed());
        assertEquals(0, stress.points());
        assertEquals("FORBIDDEN outcome `1` seen 12,345 times in 20,000,000 samples: Two increments read the same"
                + " value, one update was lost.", stress.evidence().get(0));
        assertTrue(stress.evidence().get(1).startsWith("the order of steps that gives `1`"), stress.evidence().toString());
        assertEquals("    a1: r = i (0)", stress.evidence().get(2));
        assertEquals(4, g.score());
        assertEquals(10, g.maxScore());
        assertFalse(g.passed());
    }

    @Test
    void aJUnitClassEarnsItsPointsInProportionToItsPassingTests() {
        Grade g = Grades.of(lab(Verdict.PASSED, List.of(pass("a"), pass("b"), pass("c"),
                new LabSection.JUnitCase(JUNIT, "d", Verdict.FAILED, "expected 2 but was 1", 0.1)))).orElseThrow();
        Grade.Row junit = g.rows().get(1);
        assertEquals(3, junit.points());
        assertEquals("3 of 4 JUnit tests passed", junit.evidence().get(0));
        assertEquals("d: failed: expected 2 but was 1", junit.evidence().get(1));
        assertTrue(g.rows().get(0).passed());
        assertEquals(9, g.score());
    }

    @Test
    void allPassedIsFullMarks() {
        Grade g = Grades.of(lab(Verdict.PASSED, List.of(pass("a")))).orElseThrow();
        assertTrue(g.passed());
        assertEquals(10, g.score());
    }

    @Test
    void gradescopeGetsItsDocumentedFields(@TempDir Path dir) throws Exception {
        Grade g = Grades.of(lab(Verdict.FAILED, List.of(pass("a")))).orElseThrow();
        Path file = dir.resolve("results.json");
        Gradescope.write(file, Gradescope.results(g, null));
        JsonNode n = new ObjectMapper().readTree(file.toFile());
        assertEquals(4, n.get("score").asInt());
        assertTrue(n.get("output").isTextual());
        JsonNode t = n.get("tests");
        assertEquals(2, t.size());
        for (JsonNode test : t) {
            for (String field : List.of("name", "score", "max_score", "status", "output")) {
                assertTrue(test.has(field), field + " in " + test);
            }
            assertTrue(test.get("status").asText().matches("passed|failed"), test.toString());
            assertTrue(test.get("score").isNumber() && test.get("max_score").isNumber());
        }
        assertEquals("failed", t.get(0).get("status").asText());
        assertEquals(6, t.get(0).get("max_score").asInt());
        assertTrue(t.get(0).get("output").asText().contains("FORBIDDEN outcome `1` seen 12,345 times"));
    }

    @Test
    void aClassGradeBookReadsBackAndAFormulaFromAFileNameStaysText(@TempDir Path dir) throws Exception {
        Grade g = Grades.of(lab(Verdict.FAILED, List.of(pass("a")))).orElseThrow();
        List<SubmissionRow> rows = List.of(SubmissionRow.of("=HYPERLINK(\"http://x\")", g, "b/bundle.json", 12.5),
                SubmissionRow.ungraded("bob", "does-not-compile", 10, "the submission does not compile: 1 error",
                        List.of("student/lab/counter/Counter.java:3: error: ';' expected"), 2));
        GradeBook.write(dir, "counter", List.of(STRESS, JUNIT), rows);
        try (Reader in = Files.newBufferedReader(dir.resolve(GradeBook.CSV))) {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(in).getRecords();
            assertEquals(2, records.size());
            assertEquals("'=HYPERLINK(\"http://x\")", records.get(0).get("submission"));
            assertEquals("4", records.get(0).get("score"));
            assertEquals("0", records.get(0).get("CounterStress"));
            assertEquals("4", records.get(0).get("CounterTest"));
            assertEquals("does-not-compile", records.get(1).get("status"));
        }
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve(GradeBook.JUNIT).toFile());
        assertEquals(2, d.getElementsByTagName("testsuite").getLength());
        assertEquals(1, d.getElementsByTagName("failure").getLength());
        assertEquals(1, d.getElementsByTagName("error").getLength());
        String md = Files.readString(dir.resolve(GradeBook.MARKDOWN));
        assertTrue(md.contains("| bob | does-not-compile | 0 / 10 |"), md);
    }

    @Test
    void aPredictionIsGradedAgainstTheRulesWithWhatTheMachineAndTheModelSaid() {
        String sb = "org.racelab.stress.communication.Communication_02_StoreBuffering$Plain";
        LabSection lab = new LabSection("predict", "Predict", "c", null, null, "built-in", "bob", 2,
                List.of(new LabSection.Item(sb, "predict", 4, "sc", null)), List.of(),
                List.of(new LabSection.Prediction("0, 0", false), new LabSection.Prediction("0, 1", true),
                        new LabSection.Prediction("1, 0", true), new LabSection.Prediction("1, 1", false)), true, null);
        String name = "org.racelab.stress.communication.Communication_02_StoreBuffering.Plain";
        StressTestResult r = new StressTestResult(name, "SB", "Plain", 2, null, "racy", "race", null, Verdict.PASSED, null, 1000,
                List.of(new OutcomeCount("0, 0", 480, "ACCEPTABLE_INTERESTING", "both 0"),
                        new OutcomeCount("0, 1", 260, "ACCEPTABLE", "a"), new OutcomeCount("1, 0", 259, "ACCEPTABLE", "b"),
                        new OutcomeCount("1, 1", 1, "ACCEPTABLE", "c")), true, 480L, true, List.of());
        ModelSection m = new ModelSection("racelab", "ok", List.of(new ModelSection.ModelResult(name, true, true, 30,
                6L, 0.1, List.of(), List.of(new ModelSection.ScOutcome("0, 0", "ACCEPTABLE_INTERESTING", "x", false,
                        List.of(), null), new ModelSection.ScOutcome("0, 1", "ACCEPTABLE", "x", true, List.of(), null),
                new ModelSection.ScOutcome("1, 0", "ACCEPTABLE", "x", true, List.of(), null),
                new ModelSection.ScOutcome("1, 1", "ACCEPTABLE", "x", true, List.of(), null)))));
        Bundle b = Bundle.start("t", "lab check", "quick", Map.of(), "now", (Machine) null)
                .withStress(new StressSection("jcstress 0.16", "x", List.of(), 2, true, null, 1, null, List.of(r)))
                .withModel(m).withLab(lab).finish("later", List.of());
        Grade.Row row = Grades.of(b).orElseThrow().rows().get(0);
        assertEquals(2, row.points());
        assertEquals("2 of 4 outcomes predicted right", row.evidence().get(0));
        assertEquals("`0, 0`: you said no - wrong. The test's rules allow it (ACCEPTABLE_INTERESTING); this machine"
                + " showed it 480 times in 1,000 samples; SC model: no interleaving", row.evidence().get(1));
        assertTrue(row.evidence().get(4).startsWith("`1, 1`: you said no - wrong."), row.evidence().toString());
    }

    /**
     * A lab check's junit.xml carries the grade (a grader that reads JUnit XML sees the points), and a
     * submission that fails only a JUnit test fails there too, not only in Gradescope's file.
     */
    @Test
    void aLabChecksJUnitXmlCarriesTheGradeTestByTest(@TempDir Path dir) throws Exception {
        Bundle b = lab(Verdict.PASSED, List.of(pass("a"), new LabSection.JUnitCase(JUNIT, "b", Verdict.FAILED, "off by one", 0.01)));
        Path file = dir.resolve("junit.xml");
        JUnitReport.write(new ReadBundle(b, dir.resolve("bundle.json"), List.of()), file);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(file.toFile());
        Element suite = (Element) d.getElementsByTagName("testsuite").item(0);
        assertEquals("racelab.lab", suite.getAttribute("name"));
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(STRESS, ((Element) cases.item(0)).getAttribute("classname"));
        assertEquals(0, ((Element) cases.item(0)).getElementsByTagName("failure").getLength());
        Element failed = (Element) cases.item(1);
        assertEquals(JUNIT, failed.getAttribute("classname"));
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertEquals("2 of 4 points: 1 of 2 JUnit tests passed", failure.getAttribute("message"));
        String out = failed.getElementsByTagName("system-out").item(0).getTextContent();
        assertTrue(out.contains("b: failed: off by one"), out);
        String props = "";
        NodeList p = suite.getElementsByTagName("property");
        for (int i = 0; i < p.getLength(); i++) {
            Element e = (Element) p.item(i);
            props += e.getAttribute("name") + "=" + e.getAttribute("value") + " ";
        }
        assertTrue(props.startsWith("racelab.lab.score=8 racelab.lab.maxScore=10 racelab.lab.complete=true"), props);
    }

    private static LabSection.JUnitCase pass(String method) {
        return new LabSection.JUnitCase(JUNIT, method, Verdict.PASSED, null, 0.01);
    }
}
