package org.racelab.harness.report;

import org.racelab.harness.bundle.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report.html: every section of the bundle, self-contained, and nothing from a bundle executable. */
class ReportHtmlTest {

    @Test
    void aRealRunShowsEverySectionWithItsCharts() {
        String html = ReportFiles.html(Fixtures.read("bundle-2cpu.json"));
        for (String heading : List.of("<h2>This machine</h2>", "<h2>Lessons: the race cases</h2>", "<h2>Scheduling</h2>")) {
            assertTrue(html.contains(heading), heading);
        }
        assertFalse(html.contains("<h2>Benchmarks"), "the bundle has no bench section");
        // one lesson card per case, one histogram per variant that ran, four sched timelines
        assertEquals(9, count(html, "<article class=\"card\""));
        assertEquals(27 + 4, count(html, "<svg "));
        assertTrue(html.contains("race seen: [1, 0] 4,475 of 7,360,531 samples (0.061%), Flag seen, data stale"), "an older"
                + " bundle's lesson marks its race outcomes on reading");
        assertTrue(html.contains("virtual threads, 2 carriers"));
        assertTrue(html.contains("The notes: “Races occur due to communication”"));
    }

    @Test
    void aBenchBundleShowsItsChartsAndRatios() {
        String html = ReportFiles.html(Fixtures.read("bundle-bench.json"));
        assertTrue(html.contains("<h2>Benchmarks: platform vs virtual threads</h2>"));
        assertFalse(html.contains("<h2>Lessons"));
        assertEquals(7, count(html, "<svg "), "one chart per benchmark class");
        assertTrue(html.contains("0.00808 ± 0.00412"), "the ratio with its error");
    }

    @Test
    void makesNoNetworkRequest() {
        String html = ReportFiles.html(Fixtures.read("bundle-2cpu.json"));
        Matcher m = Pattern.compile("(?i)(src|href|xlink:href|action)\\s*=\\s*['\"]?([^'\" >]*)").matcher(html);
        while (m.find()) {
            assertFalse(m.group(2).matches("(?i)(https?:|//|ftp:|data:text).*"), m.group());
        }
        assertFalse(Pattern.compile("(?i)url\\(\\s*['\"]?https?:").matcher(html).find());
        assertFalse(Pattern.compile("(?i)@import").matcher(html).find());
        assertFalse(html.contains("<script"), "no script at all");
        assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    }

    @Test
    void chartsOnOnePageDoNotShareIds() {
        String html = ReportFiles.html(Fixtures.read("bundle-2cpu.json"));
        Matcher m = Pattern.compile("id='([^']+)'").matcher(html);
        Set<String> ids = new HashSet<>();
        while (m.find()) {
            assertTrue(ids.add(m.group(1)), "duplicate id " + m.group(1));
        }
        assertTrue(ids.size() > 30);
    }

    @Test
    void markupFromABundleComesOutEscaped() {
        String html = ReportFiles.html(Fixtures.read("hostile-names.json"));
        assertFalse(html.contains("<script"), "a script tag got through");
        assertFalse(html.contains("<iframe"), "an iframe got through");
        assertFalse(html.contains("<img"), "an img got through");
        assertFalse(Pattern.compile("<svg onload").matcher(html).find(), "markup in an SVG label got through");
        assertFalse(html.contains("javascript:"), "a javascript: link got through");
        assertFalse(html.contains("\u001b"), "a terminal escape got through");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("&lt;/p&gt;&lt;iframe src&#x3D;&quot;https://evil.example/&quot;&gt;"));
        // inside the histogram's SVG, the hostile outcome id is text too
        assertTrue(html.contains("'>&lt;svg onload=alert(1)&gt;</text>"));
        assertTrue(html.contains("smoke&quot;&gt;&lt;b&gt;"));
    }

    @Test
    void aBundleCleanedOnReadingSaysSoOnThePage() {
        String html = ReportFiles.html(Fixtures.read("negative-counts.json"));
        assertTrue(html.contains("Cleaned on reading:"));
        assertTrue(html.contains("stress.tests[0].outcomes[1].count was -5, a negative count: read as 0"));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
