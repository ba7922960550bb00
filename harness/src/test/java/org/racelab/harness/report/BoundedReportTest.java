package org.racelab.harness.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.bundle.BadBundleException;
import org.racelab.harness.bundle.BigBundle;
import org.racelab.harness.bundle.BundleReader;
import org.racelab.harness.bundle.Limits;
import org.racelab.harness.bundle.ReadBundle;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a bundle may make racelab do is bounded, not only its bytes ({@link Limits}): many tests,
 * many outcomes, long strings each give a page of bounded size that says what it left out, and
 * never leaves out a failure; too many tests are refused in one line. The same at 32 MiB in a
 * 1 GiB heap is {@code HugeBundleTest} (tagged {@code huge}, outside {@code mvn verify}).
 */
class BoundedReportTest {

    @TempDir
    Path tmp;

    @Test
    void manyTestsGiveCardsThenOneLineEachAndNoFailureIsLeftOut() throws Exception {
        int tests = 800;
        int failing = 700;
        new BigBundle().write(tmp, tests, Long.MAX_VALUE, (i, t) -> {
            if (i == failing) {
                t.put("verdict", "FAILED").put("reason", "Observed forbidden state: far down the list");
                ((ObjectNode) t.at("/configs/0")).put("verdict", "FAILED");
            }
        });
        ReadBundle read = new BundleReader().read(tmp);
        assertEquals(tests, read.bundle().stress().tests().size());
        ReportFiles.write(read, tmp);
        String html = Files.readString(tmp.resolve(ReportFiles.HTML));
        assertEquals(Limits.CHARTS, count(html, "<svg"), "histograms drawn");
        assertEquals(Limits.FULL_CARDS, count(html, "<div class=\"variant\">"), "variants drawn as cards");
        assertTrue(html.contains("800 tests teach something (a lesson, a failure, a race or an interesting outcome): the first 500 are shown"
                + " as cards (100 with a histogram), the other 300 one line each below."));
        assertEquals(tests - Limits.FULL_CARDS, count(html, "<span class=\"test muted\">org.example.big."));
        assertTrue(html.contains("Observed forbidden state: far down the list"), "the failure past the cards is shown");
        // a card with its histogram and outcome table is about 18 KB; a line, 0.5 KB
        assertTrue(html.length() < 5_000_000, "report.html " + html.length() + " characters");
        String md = Files.readString(tmp.resolve(ReportFiles.MARKDOWN));
        assertTrue(md.contains("| Case000700 | Plain | racy | FAILED: Observed forbidden state: far down the list |"),
                md.lines().filter(l -> l.contains("Case000700")).findFirst().orElse("no row"));
        Element stress = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(tmp.resolve(ReportFiles.JUNIT).toFile()).getElementsByTagName("testsuite").item(0);
        assertEquals("1", stress.getAttribute("failures"));
        assertEquals(String.valueOf(tests), stress.getAttribute("tests"));
    }

    @Test
    void aTestWithTenThousandOutcomesShowsFortyAndSumsTheRest() throws Exception {
        BigBundle big = new BigBundle();
        big.test().set("outcomes", BigBundle.outcomes(10_000));
        ((ObjectNode) big.test().at("/configs/0")).set("outcomes", BigBundle.outcomes(10_000));
        // one FORBIDDEN outcome seen, near the end: it is among those shown
        ((ObjectNode) big.test().at("/outcomes/9990")).put("expect", "FORBIDDEN");
        big.write(tmp, 1, Long.MAX_VALUE, (i, t) -> { });
        ReportFiles.write(new BundleReader().read(tmp), tmp);
        String html = Files.readString(tmp.resolve(ReportFiles.HTML));
        assertEquals(Limits.OUTCOME_ROWS + 1, count(html, "<tr class=\"") - count(html, "<tr class=\"flagged"),
                "40 outcome rows and the one that sums the rest");
        assertTrue(html.contains("<code>9,960 more</code>"), "the rest in one row");
        assertTrue(html.contains("FORBIDDEN outcome [9990, 3] seen 991 times"), "the FORBIDDEN one is shown");
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        assertTrue(svg.contains("9990, 3") && !svg.contains("8000, 9"), "the chart draws the rows shown");
        assertTrue(html.length() < 200_000, "report.html " + html.length() + " characters");
    }

    @Test
    void aLongStringIsCutInThePageAndSaysSo() throws Exception {
        new BigBundle().write(tmp, 1, Long.MAX_VALUE, (i, t) -> t.put("variant", "v".repeat(99_000)));
        ReportFiles.write(new BundleReader().read(tmp), tmp);
        String html = Files.readString(tmp.resolve(ReportFiles.HTML));
        assertTrue(html.contains("v".repeat(Limits.SHOWN_CHARS) + " ... (cut: 98,500 more characters)"), "cut, and said");
        assertFalse(html.contains("v".repeat(Limits.SHOWN_CHARS + 1)));
        assertTrue(Files.readString(tmp.resolve(ReportFiles.JUNIT)).length() < 20_000);
    }

    @Test
    void moreTestsThanTheBoundAreRefusedInOneLine() {
        new BigBundle().write(tmp, Limits.TESTS + 1, Long.MAX_VALUE, (i, t) -> {
            t.remove("configs");
            t.remove("lesson");
        });
        BadBundleException e = assertThrows(BadBundleException.class, () -> new BundleReader().read(tmp));
        assertTrue(e.getMessage().endsWith("refused: 20,001 tests in stress.tests; racelab reads at most 20,000 per section"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    private static int count(String text, String what) {
        return (int) Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
    }
}
