package org.racelab.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.TwoCpus;
import org.racelab.harness.bundle.BundleReader;
import org.racelab.harness.bundle.ReadBundle;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code racelab lab}, end to end with real runs at the smoke profile: a handout, the reference
 * solution and a known-wrong submission checked, and a class's batch in which submissions misbehave.
 *
 * <p>The known-wrong counter is the {@code volatile} one: JCStress's smoke profile takes some
 * hundred thousand samples, and the lost update showed in a quarter of them here (20-28% in the
 * catalog's quick runs, 2 vCPUs), so a run that misses it is not a realistic event.
 */
class LabCommandTest {

    private static final Path COUNTER = Path.of("..", "labs", "counter");

    @BeforeEach
    void twoCpus() {
        TwoCpus.assume();
    }

    @Test
    void theReferenceSolutionPassesAndTheBundleIsAnyRunsBundle(@TempDir Path dir) throws Exception {
        Path handout = start(dir, "solution");
        Path gradescope = dir.resolve("results.json");
        CliRun run = CliRun.of("lab", "check", handout.toString(), "--profile", "smoke", "--out",
                dir.resolve("out").toString(), "--gradescope", gradescope.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("10 of 10 points"), run.out());
        JsonNode gs = new ObjectMapper().readTree(gradescope.toFile());
        assertEquals(10, gs.get("score").asInt(), gs.toString());
        ReadBundle b = onlyBundle(dir.resolve("out"));
        assertEquals("counter", b.bundle().lab().assignment());
        assertEquals("PASSED", b.bundle().stress().tests().get(0).verdict().name());
        assertTrue(Files.isRegularFile(b.file().resolveSibling("report.html")));
        CliRun report = CliRun.of("report", b.file().getParent().toString());
        assertEquals(0, report.exitCode(), report.toString());
        String md = Files.readString(b.file().resolveSibling("report.md"));
        assertTrue(md.contains("## Lab: counter, A counter that loses no update") && md.contains("**10 of 10 points**"), md);
        assertTrue(Files.readString(b.file().resolveSibling("report.html")).contains("<section id=\"lab\">"));
    }

    @Test
    void aKnownWrongSubmissionFailsWithTheOutcomeThatProvesIt(@TempDir Path dir) throws Exception {
        Path handout = start(dir, "wrong/volatile");
        CliRun run = CliRun.of("lab", "check", handout.toString(), "--profile", "smoke", "--out",
                dir.resolve("out").toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("FAILED") && run.out().contains("FORBIDDEN outcome `1` seen"), run.out());
        assertTrue(run.out().contains("read next:"), run.out());
    }

    /**
     * The grade speaks for a lab check: the virtual-thread runs are shown, not graded. Here the
     * solution ends its JVM when it runs on a virtual thread, so that runner's JVMs end early: the
     * grade stays 10 of 10, final, exit 0, and the virtual-thread section says what happened.
     */
    @Test
    void aVirtualThreadRunThatEndsEarlyLeavesTheGradeFinal(@TempDir Path dir) throws Exception {
        Path handout = start(dir, "solution");
        Path src = handout.resolve("src/lab/counter/Counter.java");
        Files.writeString(src, Files.readString(src).replace("count.incrementAndGet();",
                "count.incrementAndGet(); if (Thread.currentThread().isVirtual()) { System.exit(0); }"));
        CliRun run = CliRun.of("lab", "check", handout.toString(), "--profile", "smoke", "--out",
                dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("10 of 10 points") && !run.out().contains("not final"), run.out());
        assertTrue(run.out().contains("on virtual threads, 1 carrier: not run"), run.out());
        ReadBundle b = onlyBundle(dir.resolve("out"));
        assertTrue(b.bundle().complete(), b.bundle().incomplete().toString());
        assertFalse(b.bundle().vrace().complete());
        assertTrue(b.bundle().vrace().incomplete().contains("before 1 of its 1 tests had a result"),
                b.bundle().vrace().incomplete());
    }

    /**
     * A submission of compiled classes (a jar, no sources): the grading suite is compiled against
     * them and every runner loads them. Here the reference solution, compiled and jarred: 10 of 10.
     */
    @Test
    void aJarOfCompiledClassesIsGradedLikeSources(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        int javac = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", bin.toString(),
                COUNTER.resolve("solution/lab/counter/Counter.java").toString());
        assertEquals(0, javac);
        Path jar = dir.resolve("sub/alice.jar");
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("lab/counter/Counter.class"));
            out.write(Files.readAllBytes(bin.resolve("lab/counter/Counter.class")));
            out.closeEntry();
        }
        CliRun run = CliRun.of("lab", "check", jar.toString(), "--assignment", "counter", "--profile", "smoke",
                "--out", dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("10 of 10 points"), run.out());
    }

    @Test
    void codeThatDoesNotCompileGetsTheCompilersMessagesAndExit2(@TempDir Path dir) throws Exception {
        Path handout = start(dir, "solution");
        Path src = handout.resolve("src/lab/counter/Counter.java");
        Files.writeString(src, Files.readString(src).replaceFirst(";", ""));
        CliRun run = CliRun.of("lab", "check", handout.toString(), "--profile", "smoke", "--out",
                dir.resolve("out").toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("student/lab/counter/Counter.java:") && run.err().contains("error:"), run.err());
        assertTrue(run.err().contains("does not compile: 1 error"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    /**
     * Five submissions, three of them misbehaving: each gets its own row, and the batch goes on.
     * Three at a time, so that the hanging one (killed at the time limit) costs the batch little.
     * The limit, two minutes, is what the batch waits for the hanging one: a smoke check takes
     * 25-30 s alone on a quiet 2-CPU machine, about a minute three at a time, and took two at a
     * load average of 17 (five other builds at once), which a test run does not meet.
     */
    @Test
    void aClassBatchGivesEverySubmissionItsRowWhateverItDoes(@TempDir Path dir) throws Exception {
        Path subs = dir.resolve("subs");
        copy(COUNTER.resolve("solution"), subs.resolve("good/src"));
        copy(COUNTER.resolve("wrong/volatile"), subs.resolve("wrong/src"));
        String good = Files.readString(COUNTER.resolve("solution/lab/counter/Counter.java"));
        write(subs.resolve("broken/Counter.java"), good.replaceFirst(";", ""));
        write(subs.resolve("hangs/Counter.java"), good.replace("public class Counter {",
                "public class Counter { static { if (!Boolean.getBoolean(\"x\")) { while (true) { Thread.onSpinWait(); } } }"));
        write(subs.resolve("exits/Counter.java"), good.replace("public class Counter {",
                "public class Counter { static { if (!Boolean.getBoolean(\"x\")) { System.exit(3); } }"));
        Path out = dir.resolve("grades");
        Set<Path> tmpBefore = checkFolders();
        CliRun run = CliRun.of("lab", "grade", subs.toString(), "--assignment", "counter", "--profile", "smoke",
                "--out", out.toString(), "--jobs", "3", "--timeout", "120");
        assertEquals(0, run.exitCode(), run.toString());
        Map<String, CSVRecord> rows = rows(out.resolve("counter/grades.csv"));
        assertEquals(5, rows.size(), rows.toString());
        assertEquals("10", rows.get("good").get("score"), run.toString());
        assertEquals("graded", rows.get("wrong").get("status"));
        assertEquals("0", rows.get("wrong").get("CounterStress"), run.toString());
        assertEquals("does-not-compile", rows.get("broken").get("status"));
        assertEquals("hang", rows.get("hangs").get("status"), run.toString());
        assertEquals("0", rows.get("exits").get("score"), run.toString());
        String md = Files.readString(out.resolve("counter/grades.md"));
        assertTrue(md.contains("System.exit"), md);
        assertTrue(Files.isRegularFile(out.resolve("counter/junit.xml")));
        // the hanging check was killed, with no clean-up of its own: its work folder went with the
        // submission's temporary folder, and none was left in the machine's
        Set<Path> left = checkFolders();
        left.removeAll(tmpBefore);
        assertEquals(Set.of(), left);
        assertFalse(Files.exists(out.resolve("counter/submissions/hangs/tmp")));

        CliRun again = CliRun.of("lab", "grade", subs.toString(), "--assignment", "counter", "--profile", "smoke",
                "--out", out.toString());
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(5, again.err().lines().filter(l -> l.contains("graded before")).count(), again.err());
    }

    /**
     * On one CPU JCStress would leave the 2-actor test out and a racy counter would pass: racelab
     * refuses to grade, exit 3, and Gradescope's file says why with 0 points. The JVM is told it
     * has one CPU ({@code -XX:ActiveProcessorCount=1}), as a 1-vCPU autograder would.
     */
    @Test
    void aMachineWithTooFewCpusDoesNotGrade(@TempDir Path dir) throws Exception {
        Path handout = start(dir, "wrong/volatile");
        Path gradescope = dir.resolve("results.json");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ActiveProcessorCount=1", "-cp", System.getProperty("java.class.path"), "org.racelab.harness.Main",
                "lab", "check", handout.toString(), "--gradescope", gradescope.toString(), "--out",
                dir.resolve("out").toString()).redirectErrorStream(true).start();
        String console = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(3, p.waitFor(), console);
        assertTrue(console.contains("this machine gives 1 CPU; assignment counter needs 2"), console);
        assertEquals(1, console.strip().lines().count(), console);
        JsonNode gs = new ObjectMapper().readTree(gradescope.toFile());
        assertEquals(0, gs.get("score").asInt());
        assertTrue(gs.get("output").asText().contains("cannot be graded on this machine"), gs.toString());
    }

    /**
     * {@code --sandbox bwrap}: a submission that writes into the grader's home finds a read-only
     * file system, and its row says so. Skipped where bubblewrap is not installed (CI installs it).
     */
    @Test
    void inBubblewrapASubmissionCannotWriteOutsideItsFolder(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/bwrap")),
                "bubblewrap is not installed (apt-get install bubblewrap)");
        String name = "racelab-sandbox-" + ProcessHandle.current().pid() + ".txt";
        Path escape = Path.of(System.getProperty("user.home"), name);
        String good = Files.readString(COUNTER.resolve("solution/lab/counter/Counter.java"));
        write(dir.resolve("subs/mallory/Counter.java"), good.replace("public int get() {", "public int get() { try {"
                + " java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty(\"user.home\"), \""
                + name + "\"), \"x\"); } catch (java.io.IOException e) { throw new IllegalStateException(\"blocked: \" + e); }"));
        Path out = dir.resolve("grades");
        try {
            CliRun run = CliRun.of("lab", "grade", dir.resolve("subs").toString(), "--assignment", "counter",
                    "--profile", "smoke", "--out", out.toString(), "--sandbox", "bwrap");
            assertEquals(0, run.exitCode(), run.toString());
            assertFalse(Files.exists(escape), "the submission wrote " + escape);
            String md = Files.readString(out.resolve("counter/grades.md"));
            assertTrue(md.contains("Read-only file system"), md);
        } finally {
            Files.deleteIfExists(escape);
        }
    }

    private static Path start(Path dir, String from) throws IOException {
        Path handout = dir.resolve("handout");
        CliRun start = CliRun.of("lab", "start", "counter", handout.toString());
        assertEquals(0, start.exitCode(), start.toString());
        copy(COUNTER.resolve(from), handout.resolve("src"));
        return handout;
    }

    private static ReadBundle onlyBundle(Path out) throws Exception {
        try (Stream<Path> dirs = Files.list(out)) {
            return new BundleReader().read(dirs.findFirst().orElseThrow());
        }
    }

    private static Map<String, CSVRecord> rows(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv)) {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(in).getRecords();
            return records.stream().collect(Collectors.toMap(r -> r.get("submission"), Function.identity()));
        }
    }

    /** Lab checks' work folders in this machine's temporary folder whose process has ended. */
    private static Set<Path> checkFolders() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().matches("racelab-lab-[0-9]+-[0-9]+"))
                    .filter(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString().split("-")[2])).isEmpty())
                    .collect(Collectors.toCollection(HashSet::new));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                Files.createDirectories(t.getParent());
                Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
