package org.racelab.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.TwoCpus;
import org.racelab.harness.report.JUnitXml;
import org.racelab.harness.run.ExitCode;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A suite without racelab's {@code @Lesson} keeps JCStress's meaning everywhere racelab shows
 * what was seen: its ACCEPTABLE_INTERESTING outcomes. Real runs (smoke profile) on the fixture
 * {@code Fixture_09_Interesting}, whose two tests here are deterministic (interesting in every
 * sample; never), beside {@code Fixture_01_AlwaysForbidden} (a FORBIDDEN outcome, still a failure):
 * the terminal of stress and vrace, the bundle, report.html and report.md, junit.xml, compare
 * and list.
 */
class SuiteMeaningTest {

    private static final String CASES = "Fixture_01|Fixture_09_Interesting\\.(Always|Never)";

    @TempDir
    static Path out;

    private static CliRun stress;
    private static CliRun vrace;
    private static Path folder;

    @BeforeAll
    static void runTheSuite() {
        if (!TwoCpus.enough()) {
            return;
        }
        String jar = Path.of("target", "test-classes").toString();
        stress = CliRun.of("stress", "--profile", "smoke", "--tests-jar", jar, "--case", CASES,
                "--out", out.resolve("stress").toString());
        folder = StressRunTest.folderUnder(out.resolve("stress"));
        vrace = CliRun.of("vrace", "--profile", "smoke", "--tests-jar", jar, "--case", "Fixture_09_Interesting\\.(Always|Never)",
                "--carriers", "1,2", "--out", out.resolve("vrace").toString());
    }

    @BeforeEach
    void needsTwoCpus() {
        TwoCpus.assume();
    }

    @Test
    void theStressTerminalNamesTheMeaningAndPutsTheFailureFirst() {
        assertEquals(ExitCode.FAILURE, stress.exitCode(), "the FORBIDDEN outcome still fails the run: " + stress);
        String o = stress.out();
        assertTrue(o.contains("JCStress's meaning, its ACCEPTABLE_INTERESTING outcomes are 'interesting'"), o);
        int failed = o.indexOf("Failed or errored (1):");
        int forbidden = o.indexOf("Fixture_01_AlwaysForbidden");
        int seen = o.indexOf("Interesting seen (1)");
        int rest = o.indexOf("The rest (1): 1 passed with nothing seen");
        assertTrue(failed >= 0 && failed < forbidden && forbidden < seen && seen < rest, o);
        assertTrue(Pattern.compile("jcstress +interesting 100\\.0% \\[1\\] +[0-9,]+ +PASSED").matcher(o).find(), o);
        assertTrue(o.contains("      [1] 100.0%: the write seen, every time"), "the outcome's description: " + o);
        assertTrue(o.contains("Interesting outcome (JCStress's meaning) seen in 1 of 2 tests that have one and ran."), o);
    }

    @Test
    void theBundleMarksTheInterestingOutcomesAndNamesTheMeaning() throws IOException {
        JsonNode always = StressRunTest.test(StressRunTest.bundleUnder(out.resolve("stress")), "Interesting.Always");
        assertEquals("interesting", always.get("meaning").asText());
        assertEquals("jcstress", always.get("kind").asText());
        assertEquals("Always interesting: the arbiter sees the actor's write of 1.", always.get("description").asText());
        assertTrue(always.get("raceObserved").asBoolean());
        assertEquals(always.get("samples").asLong(), always.get("raceSamples").asLong());
        for (JsonNode outcome : always.get("outcomes")) {
            assertEquals(outcome.get("id").asText().equals("1"), outcome.has("race"), outcome.toString());
        }
        JsonNode never = StressRunTest.test(StressRunTest.bundleUnder(out.resolve("stress")), "Interesting.Never");
        assertFalse(never.get("raceObserved").asBoolean());
        JsonNode forbidden = StressRunTest.test(StressRunTest.bundleUnder(out.resolve("stress")), "AlwaysForbidden");
        assertEquals("FAILED", forbidden.get("verdict").asText());
        assertFalse(forbidden.has("meaning"), "no rule of it is interesting: nothing to see");
    }

    @Test
    void theReportOpensWithTheOverviewAndDrawsOnlyWhatTeaches() throws IOException {
        String html = Files.readString(folder.resolve("report.html"));
        int overview = html.indexOf("<section id=\"overview\">");
        assertTrue(overview >= 0 && overview < html.indexOf("<section id=\"machine\">"), "the overview comes first");
        String o = html.substring(overview, html.indexOf("</section>", overview));
        assertTrue(o.indexOf("Failed or errored") < o.indexOf("Seen: a race or an interesting outcome"), o);
        assertTrue(o.contains("Observed forbidden state: 1 (always happens)"), "the failure with its reason: " + o);
        assertTrue(o.contains("<td>interesting 100.0% [1]</td>"), o);
        Matcher folded = Pattern.compile("<details><summary>1 other tests: 1 passed with nothing seen</summary>.*"
                + "Fixture_09_Interesting\\.Never.*interesting never", Pattern.DOTALL).matcher(o);
        assertTrue(folded.find(), "the plain pass folded: " + o);
        assertFalse(html.contains("<script"), "no script: native <details>");
        // cards, each with its histogram, for the failure and the interesting test; none for the plain pass
        assertEquals(2, count(html, "<div class=\"variant\">"));
        assertEquals(2, count(html, "<svg"));
        assertFalse(html.contains("<p class=\"test muted\">org.racelab.fixtures.Fixture_09_Interesting.Never</p>"));
        assertTrue(html.contains("interesting seen: [1] "), "the card's line names its meaning");
        assertTrue(html.contains("Always interesting: the arbiter sees the actor&#39;s write of 1."), "the test's description");
        String md = Files.readString(folder.resolve("report.md"));
        assertTrue(md.contains("| interesting seen: \\[1\\] "), md);
    }

    @Test
    void junitXmlSaysWhatWasSeenInEachCase() throws Exception {
        Element suite = JUnitXml.suite(folder.resolve("junit.xml"), "racelab.stress");
        NodeList outs = suite.getElementsByTagName("system-out");
        boolean always = false;
        boolean never = false;
        for (int i = 0; i < outs.getLength(); i++) {
            Element e = (Element) outs.item(i);
            String test = ((Element) e.getParentNode()).getAttribute("classname");
            String text = e.getTextContent();
            assertTrue(text.contains("JCStress's meaning, its ACCEPTABLE_INTERESTING outcomes"), text);
            always |= test.endsWith("Always") && text.startsWith("interesting seen: [1] ") && text.contains("(100.0%)");
            never |= test.endsWith("Never") && text.startsWith("interesting never seen in ");
        }
        assertTrue(always && never, "one system-out per case that ran: " + outs.getLength());
        assertEquals("1", suite.getAttribute("failures"), "the FORBIDDEN outcome");
    }

    @Test
    void compareGivesEachInterestingOutcomeItsWord() {
        Path bundle = folder.resolve("bundle.json");
        CliRun c = CliRun.of("compare", bundle.toString(), bundle.toString(), "--out", out.resolve("compare").toString());
        assertEquals(ExitCode.OK, c.exitCode(), c::toString);
        assertTrue(Pattern.compile("Interesting\\.Always +JCStress, platform threads: interesting \\[1\\] +Always ")
                .matcher(c.out()).find(), c.out());
        assertTrue(Pattern.compile("Interesting\\.Never +JCStress, platform threads: interesting \\[2\\] +Never ")
                .matcher(c.out()).find(), c.out());
    }

    @Test
    void listShowsTheInterestingOutcomesOfATestWithoutALesson() {
        CliRun list = CliRun.of("list", "--tests-jar", Path.of("target", "test-classes").toString(), "--case", CASES);
        assertEquals(ExitCode.OK, list.exitCode(), list::toString);
        assertTrue(list.out().contains("interesting (JCStress's meaning, no lesson): [2] a value no actor writes"), list.out());
        assertTrue(list.out().contains("Never interesting: nothing ever writes 2."), list.out());
        assertTrue(list.out().contains("interesting (JCStress's meaning, no lesson): none graded ACCEPTABLE_INTERESTING"),
                "Fixture_01 has no interesting rule: " + list.out());
    }

    @Test
    void vraceShowsTheInterestingOutcomeInEveryConfiguration() {
        assertEquals(ExitCode.OK, vrace.exitCode(), vrace::toString);
        String always = vrace.out().lines().filter(l -> l.startsWith("  Always ")).findFirst().orElse("");
        assertEquals(3, count(always, "100.0% [1]"), "platform, 1 and 2 carriers: " + vrace.out());
        String never = vrace.out().lines().filter(l -> l.startsWith("  Never ")).findFirst().orElse("");
        assertEquals(3, count(never, "never "), vrace.out());
        assertTrue(vrace.out().contains("for a test without a lesson (kind jcstress) it is JCStress's meaning"), vrace.out());
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
