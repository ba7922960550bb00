package org.racelab.harness.cli;

import org.racelab.harness.run.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.bundle.BundleWriter;
import org.racelab.harness.bundle.Fixtures;
import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.catalog.TestCatalog;
import org.racelab.harness.model.ModelRunner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** racelab compare and racelab report from the command line: their files, and bad input as one line, exit 2. */
class CompareCommandTest {

    @TempDir
    Path tmp;

    @Test
    void comparesTwoRealBundlesOnTheTerminalAndInFiles() throws Exception {
        CliRun run = CliRun.of("compare", Fixtures.path("bundle-2cpu.json").toString(),
                Fixtures.path("bundle-1cpu.json").toString(), "--out", tmp.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("CPUs available to the JVM: M1 2, M2 1"));
        assertTrue(run.out().contains("differs: chi-square p<1e-300: more than chance"), run.out());
        String md = Files.readString(tmp.resolve("compare.md"));
        assertTrue(md.contains("| Interleaving\\_01\\_LostUpdate.Plain | vrace, platform threads |  | Sometimes"), md);
        String html = Files.readString(tmp.resolve("compare.html"));
        assertTrue(html.contains("<h2>Races</h2>") && html.contains("<h2>Scheduling</h2>"));
    }

    @Test
    void aBundleFromBeforeTheReshapeStillOpensInReportAndCompare() throws Exception {
        String before = Fixtures.path("bundle-before-shape.json").toString();
        CliRun report = CliRun.of("report", before, "--out", tmp.resolve("report").toString());
        assertEquals(0, report.exitCode(), report.toString());
        String html = Files.readString(tmp.resolve("report/report.html"));
        assertFalse(html.contains("not shown, the bundle"), "every part of the page was drawn");
        assertTrue(html.contains("Interleaving_01_LostUpdate") && html.contains("<svg"), "lesson cards with charts");
        assertTrue(Files.exists(tmp.resolve("report/charts/sched-timeslice.svg")), "the report draws the sched charts");
        CliRun compare = CliRun.of("compare", before, Fixtures.path("bundle-2cpu.json").toString(),
                "--out", tmp.resolve("compare").toString());
        assertEquals(0, compare.exitCode(), compare.toString());
        assertTrue(Files.readString(tmp.resolve("compare/compare.md")).contains("Interleaving\\_01\\_LostUpdate"));
    }

    @Test
    void theScColumnComesFromABundleThatCarriesTheModel() throws Exception {
        ReadBundle quick = Fixtures.read("bundle-2cpu.json");
        Path withModel = Files.createDirectories(tmp.resolve("with-model"));
        new BundleWriter().write(withModel,
                quick.bundle().withModel(new ModelRunner().run(TestCatalog.builtIn().tests())));
        CliRun run = CliRun.of("compare", withModel.toString(), Fixtures.path("bundle-1cpu.json").toString(),
                "--out", tmp.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.toString());
        String md = Files.readString(tmp.resolve("out/compare.md"));
        assertTrue(md.contains("| Interleaving\\_01\\_LostUpdate.Plain | JCStress, platform threads | \\[1\\] interleaving |"), md);
        assertTrue(md.contains("| Communication\\_02\\_StoreBuffering.Plain | JCStress, platform threads | \\[0, 0\\] no interleaving |"), md);
    }

    @Test
    void refusesANewerSchemaWithOneLine() {
        CliRun run = CliRun.of("compare", Fixtures.path("bundle-2cpu.json").toString(),
                Fixtures.path("newer-schema.json").toString());
        assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains("written by a newer racelab (schema racelab.bundle/2)"), run.err());
        assertFalse(run.err().contains("Exception"));
        assertTrue(run.out().isEmpty(), "nothing compared");
    }

    /**
     * Two runs of a bimodal headline figure: compare shows each run's fork range and compares the
     * ranges, so a run whose one number fell in one mode is not called a difference.
     */
    @Test
    void aBimodalFigureIsComparedAsTheRangeOfItsForks() throws Exception {
        JsonNode bench = org.racelab.harness.bundle.Json.mapper().valueToTree(
                org.racelab.harness.bundle.BenchSectionJsonTest.sampleBimodal());
        ObjectNode one = Fixtures.tree("bundle-2cpu.json");
        one.set("bench", bench);
        ObjectNode two = Fixtures.tree("bundle-1cpu.json");
        two.set("bench", bench);
        CliRun run = CliRun.of("compare", Fixtures.write(one, tmp.resolve("one")).toString(),
                Fixtures.write(two, tmp.resolve("two")).toString(), "--out", tmp.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.toString());
        String md = Files.readString(tmp.resolve("out/compare.md"));
        assertTrue(md.contains("ratio 0.00732 to 0.0290 (bimodal) (0.612-2.38 us/op (3 forks, bimodal) vs 82.10-83.60 us/op (3 forks))"), md);
    }

    @Test
    void hostileHostNamesCannotDriveTheTerminal() {
        // the ESCs are in fields compare prints (host and CPU model), so the assertion below can fail
        ObjectNode b = Fixtures.tree("bundle-2cpu.json");
        ((ObjectNode) b.get("machine")).put("host", "\u001b[2J\u001b[31mevil");
        ((ObjectNode) b.at("/machine/cpu")).put("model", "\u001b]0;owned\u0007AMD");
        CliRun run = CliRun.of("compare", Fixtures.write(b, tmp.resolve("hostile")).toString(),
                Fixtures.path("bundle-2cpu.json").toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertFalse(run.out().contains("\u001b"), "an escape sequence reached the terminal");
        assertTrue(run.out().contains("M1  \\u001B[2J\\u001B[31mevil | \\u001B]0;owned\\u0007AMD"),
                "the host and CPU are printed, their ESCs as escapes: " + run.out());
    }

    @Test
    void manySamplesOnBothMachinesCompareWithoutOverflow() {
        // the probe's crash: 1.1 billion samples on each machine, a table whose sum is past an int
        String probe = lostUpdateRow(new long[][]{{1_100_000_000L, 550_000_000L}, {1_100_000_000L, 550_001_000L}});
        assertTrue(probe.contains("Sometimes 550,000,000/1,100,000,000")
                && probe.endsWith("Sometimes 550,001,000/1,100,000,000"), "the same rate, no flag: " + probe);
        // 10^10 samples each: rates 0.5 and 0.50001, chi-square 2.0, p 0.157: no flag either
        String tenBillion = lostUpdateRow(new long[][]{{10_000_000_000L, 5_000_000_000L},
                {10_000_000_000L, 5_000_100_000L}});
        assertTrue(tenBillion.endsWith("Sometimes 5,000,100,000/10,000,000,000"), tenBillion);
        // and 10^10 against 10^10 with rates that differ: flagged, by chi-square
        String differ = lostUpdateRow(new long[][]{{10_000_000_000L, 5_000_000_000L},
                {10_000_000_000L, 4_000_000_000L}});
        assertTrue(differ.contains("rate differs: chi-square p<1e-300"), differ);
    }

    /** compare of two copies of a real bundle whose racy tests are given these samples and race samples. */
    private String lostUpdateRow(long[][] samples) {
        List<String> args = new ArrayList<>(List.of("compare"));
        for (int m = 0; m < 2; m++) {
            ObjectNode b = Fixtures.tree("bundle-2cpu.json");
            for (JsonNode t : b.at("/stress/tests")) {
                if (t.path("raceObserved").asBoolean()) {
                    ((ObjectNode) t).put("samples", samples[m][0]).put("raceSamples", samples[m][1]);
                }
            }
            args.add(Fixtures.write(b, tmp.resolve(samples[m][0] + "-" + samples[m][1] + "-" + m)).toString());
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertTrue(run.err().isEmpty(), run.err());
        return run.out().lines().filter(l -> l.startsWith("  Interleaving_01_LostUpdate.Plain ")
                && l.contains("JCStress")).findFirst().orElseThrow();
    }

    @Test
    void reportWritesItsThreeFiles() {
        CliRun run = CliRun.of("report", Fixtures.path("bundle-2cpu.json").toString(), "--out", tmp.toString());
        assertEquals(0, run.exitCode(), run.toString());
        for (String f : new String[]{"report.html", "report.md", "junit.xml"}) {
            assertTrue(Files.isRegularFile(tmp.resolve(f)), f);
        }
    }

    @Test
    void reportOfATruncatedBundleIsOneLine() {
        CliRun run = CliRun.of("report", Fixtures.path("truncated.json").toString(), "--out", tmp.toString());
        assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains("cut short"), run.err());
        assertFalse(Files.exists(tmp.resolve("report.html")));
    }

    @Test
    void reportNeedsOneFolder() {
        CliRun run = CliRun.of("report");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("racelab report: give one results folder"), run.err());
    }
}
