package org.racelab.harness.report;

import org.racelab.harness.bundle.Fixtures;
import org.racelab.harness.format.Texts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report.md: the same sections as the page, and nothing from a bundle that a renderer would treat as markup. */
class ReportMarkdownTest {

    @Test
    void aRealRunHasEverySectionAndOneRowPerVariant() {
        String md = ReportFiles.markdown(Fixtures.read("bundle-2cpu.json"));
        assertTrue(md.contains("\n## This machine\n"));
        assertTrue(md.contains("\n## Lessons: the race cases\n"));
        assertTrue(md.contains("\n## Scheduling\n"));
        assertEquals(28, md.lines().filter(l -> l.startsWith("| ") && l.contains(" | PASSED | ")
                || l.contains(" | SKIPPED | ")).count());
        assertTrue(md.contains("| Interleaving\\_01\\_LostUpdate | Plain | racy | PASSED | race seen: \\[1\\] 1,955,967 of 5,230,611 samples (37.4%), One update lost: both read 0, both wrote 1 |"));
    }

    @Test
    void markupAndPipesAreEscaped() {
        String md = ReportFiles.markdown(Fixtures.read("hostile-names.json"));
        assertFalse(md.contains("<script"));
        assertFalse(md.contains("<iframe"));
        assertFalse(java.util.regex.Pattern.compile("(?<!\\\\)\\]\\(http").matcher(md).find(), "a link got through");
        assertTrue(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(md.contains("Plain \\| pipe \\*bold\\* \\`code\\` \\[link\\](http://evil.example/)"));
        // a table row keeps its column count: escaped pipes do not split cells
        String row = md.lines().filter(l -> l.contains("pipe")).findFirst().orElseThrow();
        assertEquals(9, row.replace("\\|", "").chars().filter(c -> c == '|').count(), row);
    }

    @Test
    void textsMarkdownKeepsOneLine() {
        assertEquals("a b", Texts.markdown("a\nb"));
        // ESC shown as its escape, the escape's backslash escaped for Markdown: it renders as backslash, u001B[31m
        assertEquals("\\\\u001B\\[31m", Texts.markdown("\u001b[31m"));
    }
}
