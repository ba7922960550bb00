package org.racelab.harness.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.bundle.Fixtures;
import org.racelab.harness.bundle.StressSection;
import org.racelab.harness.console.StressSummary;
import org.racelab.harness.report.JUnitXml;
import org.racelab.harness.run.ExitCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names from other machines, made to look like other names, through every output racelab has:
 * the terminal (compare, and a section's summary), report.html (its text and its SVG charts),
 * report.md, junit.xml, compare.html and compare.md.
 */
class UntrustedNamesTest {

    /** Invisible or reordering characters of each kind the hostile probe used. */
    private static final String[] INVISIBLE = {
            "\u202E", // right-to-left override
            "\u200B", // zero-width space
            "\u2066", // left-to-right isolate
            "\u3164", // Hangul filler
            "\u034F", // combining grapheme joiner
            "\u2800", // braille pattern blank
            "\u00A0", // no-break space
            "\u001B", // ESC
            "\uDB40\uDC41", // tag latin capital A (U+E0041)
    };

    @TempDir
    Path tmp;

    @Test
    void invisibleAndBidiCharactersAreShownAsEscapesEverywhere() throws Exception {
        ObjectNode b = Fixtures.tree("bundle-2cpu.json");
        ((ObjectNode) b.get("machine")).put("host", "lap\u200Btop\u202Egnp.exe");
        ObjectNode test = (ObjectNode) b.at("/stress/tests/0");
        // an outcome that reads "0, 1" where it is "1 ,0" backwards: it must not draw as "0, 1" in the histogram
        ((ObjectNode) test.at("/outcomes/0")).put("id", "\u202E1 ,0");
        test.put("variant", "Plain" + String.join("", INVISIBLE) + "end");
        ((ObjectNode) test.at("/configs/0")).putArray("messages").add("why\u2066hidden\u2069");
        Path folder = Fixtures.write(b, tmp.resolve("run"));

        CliRun report = CliRun.of("report", folder.toString());
        assertEquals(ExitCode.OK, report.exitCode(), report::toString);
        String html = Files.readString(folder.resolve("report.html"));
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        assertTrue(svg.contains("\\u202E1 ,0"), "the histogram's label shows the override as an escape");
        assertTrue(html.contains("Plain\\u202E\\u200B\\u2066\\u3164\\u034F\\u2800\\u00A0\\u001B\\U000E0041end"),
                "the card's text shows every one as an escape");
        assertNoneRaw("report.html", html);
        String md = Files.readString(folder.resolve("report.md"));
        assertTrue(md.contains("\\\\u202E"), "Markdown shows the escape (its backslash escaped)");
        assertNoneRaw("report.md", md);
        String junit = Files.readString(folder.resolve("junit.xml"));
        assertNoneRaw("junit.xml", junit);
        Document d = JUnitXml.parse(folder.resolve("junit.xml"));
        assertEquals("lap\\u200Btop\\u202Egnp.exe", ((Element) d.getElementsByTagName("testsuite").item(0))
                .getAttribute("hostname"));

        CliRun compare = CliRun.of("compare", folder.toString(), Fixtures.path("bundle-1cpu.json").toString(),
                "--out", tmp.resolve("compare").toString());
        assertEquals(ExitCode.OK, compare.exitCode(), compare::toString);
        assertTrue(compare.out().contains("lap\\u200Btop\\u202Egnp.exe"), compare.out());
        assertNoneRaw("compare's terminal table", compare.out());
        assertNoneRaw("compare.html", Files.readString(tmp.resolve("compare/compare.html")));
        assertNoneRaw("compare.md", Files.readString(tmp.resolve("compare/compare.md")));

        // a section's summary on the terminal, as a run prints it
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StressSection stress = new org.racelab.harness.bundle.BundleReader().read(folder).bundle().stress();
        new StressSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(stress, folder);
        String summary = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(summary.contains("Plain\\u202E\\u200B"), summary);
        assertNoneRaw("the stress summary", summary);
    }

    @Test
    void lookAlikeMachineLabelsAreToldApart() throws Exception {
        // the probe's four "laptop"s, and one more: each looks like "laptop" where shown as it is
        String[] hosts = {"laptop", "l\u0430ptop", "laptop\u3164", "lap\u034Ftop", "laptop\u2800"};
        List<String> args = new ArrayList<>(List.of("compare"));
        for (int i = 0; i < hosts.length; i++) {
            ObjectNode b = Fixtures.tree("bundle-2cpu.json");
            ((ObjectNode) b.get("machine")).put("host", hosts[i]);
            args.add(Fixtures.write(b, tmp.resolve("m" + i)).toString());
        }
        args.addAll(List.of("--out", tmp.resolve("compare").toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        List<String> shown = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^  M\\d  (\\S+) \\|").matcher(run.out());
        while (m.find()) {
            shown.add(m.group(1));
        }
        assertEquals(List.of("laptop", "l\\u0430ptop", "laptop\\u3164", "lap\\u034Ftop", "laptop\\u2800"), shown,
                run.out());
        assertTrue(run.out().contains("l\\u0430ptop | AMD EPYC"), "the look-alike is shown by its code points");
        assertTrue(run.out().contains("(looks like M1: shown with its code points)"), run.out());
        String html = Files.readString(tmp.resolve("compare/compare.html"));
        assertTrue(html.contains("l\\u0430ptop<br><strong>looks like M1: shown with its code points</strong>"), html);
        assertTrue(Files.readString(tmp.resolve("compare/compare.md")).contains("l\\\\u0430ptop (**looks like M1"));

        // two ASCII names that Unicode's confusables table says look alike ("rn" and "m"): each names the other
        ObjectNode rn = Fixtures.tree("bundle-2cpu.json");
        ((ObjectNode) rn.get("machine")).put("host", "build-rn");
        ObjectNode em = Fixtures.tree("bundle-2cpu.json");
        ((ObjectNode) em.get("machine")).put("host", "build-m");
        CliRun pair = CliRun.of("compare", Fixtures.write(rn, tmp.resolve("rn")).toString(),
                Fixtures.write(em, tmp.resolve("em")).toString());
        assertTrue(pair.out().contains("  M1  build-rn | ") && pair.out().contains("(looks like M2"), pair.out());
        assertTrue(pair.out().contains("(looks like M1"), pair.out());
    }

    @Test
    void aDuplicateTestNameNeverHidesAFailure() throws Exception {
        ObjectNode b = Fixtures.tree("bundle-2cpu.json");
        ArrayNode tests = (ArrayNode) b.at("/stress/tests");
        ObjectNode first = (ObjectNode) tests.get(0);
        // a second entry of the same name that FAILED: a FORBIDDEN outcome seen 7 times
        ObjectNode second = first.deepCopy();
        second.put("verdict", "FAILED");
        second.put("reason", "Observed forbidden state: 7 (the second entry)");
        ArrayNode outcomes = (ArrayNode) second.get("outcomes");
        outcomes.addObject().put("id", "-7").put("count", 7).put("expect", "FORBIDDEN").put("description", "Never.");
        ((ObjectNode) second.at("/configs/0")).put("verdict", "FAILED")
                .set("outcomes", outcomes.deepCopy());
        tests.add(second);
        String name = first.get("name").asText();
        Path folder = Fixtures.write(b, tmp.resolve("run"));

        CliRun report = CliRun.of("report", folder.toString());
        assertEquals(ExitCode.OK, report.exitCode(), report::toString);
        assertTrue(report.err().contains("stress.tests has 2 entries named " + name), report.err());
        String html = Files.readString(folder.resolve("report.html"));
        assertTrue(html.contains("Observed forbidden state: 7 (the second entry)"), "the failing entry's reason");
        assertTrue(html.contains("FORBIDDEN outcome [-7] seen 7 times"), "the failing entry's outcome");
        assertTrue(html.contains("(entry 2 of 2 with this name)"), "it says which entry it is");
        String md = Files.readString(folder.resolve("report.md"));
        assertTrue(md.contains("FORBIDDEN outcome \\[-7\\] seen 7 times"), md);
        assertTrue(md.contains("| FAILED |"), "the Markdown table has the failing row");

        Element stress = (Element) JUnitXml.parse(folder.resolve("junit.xml")).getElementsByTagName("testsuite").item(0);
        assertEquals("1", stress.getAttribute("failures"));
        NodeList failures = stress.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        assertEquals(name, ((Element) failures.item(0).getParentNode()).getAttribute("classname"));

        CliRun compare = CliRun.of("compare", folder.toString(), Fixtures.path("bundle-2cpu.json").toString());
        assertEquals(ExitCode.OK, compare.exitCode(), compare::toString);
        String variant = first.get("caseName").asText() + "." + first.get("variant").asText();
        long rows = compare.out().lines().filter(l -> l.startsWith("  " + variant)
                && l.contains("JCStress, platform threads")).count();
        assertEquals(2, rows, "both entries have a row: " + compare.out());
        assertTrue(compare.out().contains(variant + " (entry 2 of this name)"), compare.out());
    }

    private static void assertNoneRaw(String where, String text) {
        for (String c : INVISIBLE) {
            assertFalse(text.contains(c), where + " holds U+" + Integer.toHexString(c.codePointAt(0)).toUpperCase()
                    + " as it is");
        }
        assertFalse(text.contains("\u0430ptop"), where + " holds a look-alike as it is");
    }
}
