package org.racelab.harness.cli;

import org.racelab.harness.run.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.bundle.BundleWriter;
import org.racelab.harness.bundle.Fixtures;
import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.catalog.TestCatalog;
import org.racelab.harness.model.ModelRunner;

import java.nio.file.Files;
import java.nio.file.Path;

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
        assertTrue(run.out().contains("differs: Fisher p<1e-300: more than chance"), run.out());
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

    @Test
    void hostileHostNamesCannotDriveTheTerminal() {
        CliRun run = CliRun.of("compare", Fixtures.path("hostile-names.json").toString(),
                Fixtures.path("bundle-2cpu.json").toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertFalse(run.out().contains("\u001b"), "an escape sequence reached the terminal");
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
