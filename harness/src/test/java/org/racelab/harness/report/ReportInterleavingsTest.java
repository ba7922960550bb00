package org.racelab.harness.report;

import org.junit.jupiter.api.Test;
import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.bundle.Fixtures;
import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.catalog.TestCatalog;
import org.racelab.harness.model.ModelRunner;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SC model in report.html and report.md: the column beside the observations, and the witnesses. */
class ReportInterleavingsTest {

    private static ReadBundle withModel() throws Exception {
        ReadBundle read = Fixtures.read("bundle-2cpu.json");
        Bundle b = read.bundle().withModel(new ModelRunner().run(TestCatalog.builtIn().tests()));
        return new ReadBundle(b, read.file(), List.of());
    }

    @Test
    void theLostUpdatesCardDrawsTheInterleavingThatLosesTheUpdate() throws Exception {
        String html = ReportFiles.html(withModel()).replace("&#x3D;", "=");
        assertTrue(html.contains("<th>interleavings (SC)</th>"), "the SC column");
        assertTrue(html.contains("<figcaption>An interleaving that gives [1]</figcaption><pre>actor1         | actor2\n"
                + "-------------- | --------------\n"
                + "a = i  (0)     |\n"
                + "               | b = i  (0)\n"),
                html.substring(html.indexOf("An interleaving that gives [1]"), html.indexOf("An interleaving that gives [1]") + 400));
        assertTrue(html.contains("<figcaption>No interleaving gives [0, 0]</figcaption>"), "store buffering");
        assertTrue(html.contains("<td>no interleaving gives it</td>"), html.length() + " chars");
    }

    @Test
    void markdownSaysWhichTeachingOutcomesAreInterleavings() throws Exception {
        String md = ReportFiles.markdown(withModel());
        assertTrue(md.contains("| Communication\\_02\\_StoreBuffering | Plain |"), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| Communication\\_02\\_StoreBuffering | Plain |")
                && l.endsWith("| \\[0, 0\\] no interleaving |")), md);
    }

    @Test
    void aBundleWithoutAModelHasNoColumn() {
        String html = ReportFiles.html(Fixtures.read("bundle-2cpu.json"));
        assertFalse(html.contains("interleavings (SC)"));
        assertFalse(html.contains("<figure class=\"witness\">"));
    }
}
