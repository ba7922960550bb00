package org.racelab.harness.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.bundle.Fixtures;
import org.racelab.harness.run.ExitCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What racelab writes, and where it refuses to: a results folder from someone else may hold
 * symbolic links where racelab's pages go, an {@code --out} may be a file or a full disk, and a
 * path given as input may be a FIFO. Every link here is a real one, the FIFO is made by
 * {@code mkfifo}, and the full disk is a real tmpfs where the machine lets a test mount one.
 */
class OutputSafetyTest {

    @TempDir
    Path tmp;

    @Test
    void aPlantedSymlinkIsNeverWrittenThrough() throws IOException {
        Path victims = Files.createDirectory(tmp.resolve("victims"));
        Path folder = Files.createDirectory(tmp.resolve("from-a-tar"));
        Files.copy(Fixtures.path("bundle-2cpu.json"), folder.resolve("bundle.json"));
        // the names the old writers used for their temporary files, and the charts folder
        List<String> planted = List.of("junit.xml.tmp", "report.html.tmp", "report.md.tmp", "bundle.json.tmp");
        for (String name : planted) {
            Files.createSymbolicLink(folder.resolve(name), Files.writeString(victims.resolve(name), "precious"));
        }
        Path victimDir = Files.createDirectory(victims.resolve("charts"));
        Files.createSymbolicLink(folder.resolve("charts"), victimDir);

        CliRun report = CliRun.of("report", folder.toString());
        assertEquals(ExitCode.OK, report.exitCode(), report::toString);
        for (String name : planted) {
            assertEquals("precious", Files.readString(victims.resolve(name)), name);
        }
        assertEquals(List.of(), list(victimDir), "nothing written into the folder a planted charts/ points at");
        assertTrue(report.err().contains("charts not drawn") && report.err().contains("is a symbolic link"), report::toString);
        for (String page : List.of("report.html", "report.md", "junit.xml")) {
            assertTrue(Files.isRegularFile(folder.resolve(page), java.nio.file.LinkOption.NOFOLLOW_LINKS), page);
        }

        // a link where a page itself goes: refused whole, in one line, nothing written at all
        Path again = Files.createDirectory(tmp.resolve("again"));
        Files.copy(Fixtures.path("bundle-2cpu.json"), again.resolve("bundle.json"));
        Path victim = Files.writeString(victims.resolve("junit-victim"), "precious");
        Files.createSymbolicLink(again.resolve("junit.xml"), victim);
        CliRun refused = CliRun.of("report", again.toString());
        assertEquals(ExitCode.ENVIRONMENT, refused.exitCode(), refused::toString);
        assertEquals(1, refused.errLines().size(), refused::toString);
        assertTrue(refused.err().contains("junit.xml: is a symbolic link"), refused::toString);
        assertEquals("precious", Files.readString(victim));
        assertEquals(List.of("bundle.json", "junit.xml"), list(again), "no page written beside the refused one");

        // compare --out with a planted compare.md
        Path out = Files.createDirectory(tmp.resolve("compare"));
        Path mdVictim = Files.writeString(victims.resolve("compare-victim"), "precious");
        Files.createSymbolicLink(out.resolve("compare.md"), mdVictim);
        CliRun compare = CliRun.of("compare", Fixtures.path("bundle-2cpu.json").toString(),
                Fixtures.path("bundle-1cpu.json").toString(), "--out", out.toString());
        assertEquals(ExitCode.ENVIRONMENT, compare.exitCode(), compare::toString);
        assertEquals(1, compare.errLines().size(), compare::toString);
        assertTrue(compare.err().contains("compare.md: is a symbolic link"), compare::toString);
        assertEquals("precious", Files.readString(mdVictim));
        assertEquals(List.of("compare.md"), list(out));
    }

    /**
     * One code for an output that cannot be written, whatever the command: {@link ExitCode#ENVIRONMENT},
     * with the path and the reason in one line. Nothing runs before the run folder is made, so the
     * run commands here cost a machine probe each, not a run.
     */
    @Test
    void anUnwritableOutExitsWithOneCode() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        String bundle = Fixtures.path("bundle-2cpu.json").toString();
        List<List<String>> commands = List.of(
                List.of("report", bundle, "--out", file.toString()),
                List.of("compare", bundle, "--out", file.toString()),
                List.of("stress", "--profile", "smoke", "--case", "LostUpdate", "--out", file.resolve("results").toString()),
                List.of("sched", "carriers", "--profile", "smoke", "--out", file.toString()),
                List.of("bench", "--profile", "smoke", "--bench", "ThreadStartJoin", "--out", file.toString()));
        for (List<String> command : commands) {
            CliRun run = CliRun.of(command.toArray(String[]::new));
            assertEquals(ExitCode.ENVIRONMENT, run.exitCode(), run::toString);
            assertEquals(1, run.errLines().size(), run::toString);
            assertTrue(run.err().contains(file + ": is a file, not a folder"), run::toString);
            assertFalse(run.err().contains("Exception"), run::toString);
            assertEquals("x", Files.readString(file));
        }
    }

    /** A FIFO is never opened: open would wait for a writer for ever. Each command must answer within seconds. */
    @Test
    void aFifoIsRefusedNotReadForever() throws Exception {
        Path fifo = tmp.resolve("suite.jar");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "needs mkfifo");
        Path fifoFolder = Files.createDirectory(tmp.resolve("run"));
        Process second = new ProcessBuilder("mkfifo", fifoFolder.resolve("bundle.json").toString()).inheritIO().start();
        assertEquals(0, second.waitFor());
        List<List<String>> commands = List.of(
                List.of("list", "--tests-jar", fifo.toString()),
                List.of("stress", "--tests-jar", fifo.toString()),
                List.of("vrace", "--tests-jar", fifo.toString()),
                List.of("report", fifo.toString()),
                List.of("report", fifoFolder.toString()),
                List.of("compare", fifo.toString()));
        for (List<String> command : commands) {
            // 30 s: each answer takes well under a second; a read of the FIFO would never answer
            CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> CliRun.of(command.toArray(String[]::new)), command::toString);
            assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
            assertEquals(1, run.errLines().size(), run::toString);
            assertFalse(run.err().contains("Exception"), run::toString);
        }
        CliRun list = CliRun.of("list", "--tests-jar", fifo.toString());
        assertTrue(list.err().contains("neither a file nor a folder") && list.err().contains("FIFO"), list::toString);
    }

    /**
     * A real full disk: a 64 KiB tmpfs, mounted in a user and mount namespace of its own
     * ({@code unshare -rm}), filled, then written to by racelab in a JVM of its own. Where the machine
     * allows no such namespace (some CI runners forbid them) the test is skipped, and
     * {@code OutputFilesTest.aFullDiskIsSaidInOneLine} still checks the words against /dev/full.
     */
    @Test
    void aFullDiskIsSaidInOneLine() throws Exception {
        assumeTrue(unshareMountsTmpfs(), "needs 'unshare -rm' and a tmpfs mount in it (user namespaces)");
        Path disk = Files.createDirectory(tmp.resolve("disk"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String racelab = q(java) + " --enable-native-access=ALL-UNNAMED -cp " + q(System.getProperty("java.class.path")) + " org.racelab.harness.Main";
        String d = q(disk.toString());
        String script = String.join("\n",
                "set -u",
                "mount -t tmpfs -o size=64k tmpfs " + d + " || exit 99",
                "mkdir " + d + "/report " + d + "/compare",
                "printf 'the old page' > " + d + "/report/report.html",
                "printf 'the old page' > " + d + "/compare/compare.html",
                "cat /dev/zero > " + d + "/filler 2>/dev/null",
                racelab + " report " + q(Fixtures.path("bundle-2cpu.json").toString()) + " --out " + d + "/report"
                        + " > " + q(tmp.resolve("report.out").toString()) + " 2> " + q(tmp.resolve("report.err").toString()),
                "echo $? > " + q(tmp.resolve("report.code").toString()),
                racelab + " compare " + q(Fixtures.path("bundle-2cpu.json").toString()) + " "
                        + q(Fixtures.path("bundle-1cpu.json").toString()) + " --out " + d + "/compare"
                        + " > /dev/null 2> " + q(tmp.resolve("compare.err").toString()),
                "echo $? > " + q(tmp.resolve("compare.code").toString()),
                // a run whose section fails on a disk with less than 64 KiB free: JCStress cannot write its
                // results there; --timeout 1 only keeps the test short
                "rm " + d + "/filler",
                racelab + " stress --profile smoke --case 'LostUpdate.Plain$' --timeout 1 --out " + d + "/runs"
                        + " > /dev/null 2> " + q(tmp.resolve("stress.err").toString()),
                "echo $? > " + q(tmp.resolve("stress.code").toString()),
                "cat " + d + "/report/report.html > " + q(tmp.resolve("report.after").toString()),
                "cat " + d + "/compare/compare.html > " + q(tmp.resolve("compare.after").toString()),
                "ls -A " + d + "/report > " + q(tmp.resolve("left.report").toString()),
                "ls -A " + d + "/compare > " + q(tmp.resolve("left.compare").toString()));
        Process p = new ProcessBuilder("unshare", "-rm", "sh", "-c", script).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("script.log").toFile()).start();
        // three JVM starts, a machine probe and a JCStress start: seconds; 120 s is for a loaded 2-core machine
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the script did not end");
        String log = Files.readString(tmp.resolve("script.log"));
        assertEquals(0, p.exitValue(), log);

        for (String command : List.of("report", "compare")) {
            String err = Files.readString(tmp.resolve(command + ".err"), StandardCharsets.UTF_8);
            List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
            assertEquals(String.valueOf(ExitCode.ENVIRONMENT), Files.readString(tmp.resolve(command + ".code")).strip(),
                    command + ": " + err);
            assertEquals(1, lines.size(), command + ": " + err);
            assertTrue(lines.get(0).contains("No space left on device"), command + ": " + err);
            assertFalse(err.contains("Exception"), command + ": " + err);
        }
        String stress = Files.readString(tmp.resolve("stress.err"), StandardCharsets.UTF_8);
        assertEquals(String.valueOf(ExitCode.FAILURE), Files.readString(tmp.resolve("stress.code")).strip(), stress);
        assertTrue(stress.lines().anyMatch(l -> l.startsWith("racelab stress: No space left on device in " + disk)),
                stress);
        assertFalse(stress.contains("Exception"), stress);
        assertEquals("the old page", Files.readString(tmp.resolve("report.after")), "the old report.html is untouched");
        assertEquals("the old page", Files.readString(tmp.resolve("compare.after")), "no half-written compare.html");
        assertEquals(List.of("report.html"), Files.readAllLines(tmp.resolve("left.report")), "nothing left behind");
        assertEquals(List.of("compare.html"), Files.readAllLines(tmp.resolve("left.compare")), "nothing left behind");
    }

    /** Whether this machine lets a test mount a tmpfs in a namespace of its own. */
    private static boolean unshareMountsTmpfs() {
        try {
            Path probe = Files.createTempDirectory("racelab-unshare");
            try {
                Process p = new ProcessBuilder("unshare", "-rm", "sh", "-c",
                        "mount -t tmpfs -o size=64k tmpfs " + q(probe.toString())).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String q(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
