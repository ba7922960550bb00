package org.racelab.harness.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.run.ExitCode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JCStress tests jar is untrusted input: a small jar can hold a {@code META-INF/TestList} of
 * gigabytes. racelab reads a bounded amount of it and refuses the rest in one line.
 */
class HostileTestsJarTest {

    @TempDir
    static Path tmp;

    /**
     * 512 MiB of TestList in one line, deflated to about half a megabyte, built here without ever
     * being held in memory. racelab runs in a JVM of its own with a 64 MiB heap: reading the line
     * whole would end in an OutOfMemoryError there; bounded reading refuses it in one line.
     */
    @Test
    void aHugeTestListLineIsRefused() throws Exception {
        Path jar = tmp.resolve("huge.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry("META-INF/TestList"));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'A');
            for (int i = 0; i < 512; i++) {
                zip.write(chunk);
            }
            zip.closeEntry();
        }
        assertTrue(Files.size(jar) < 4 * 1024 * 1024, "a small jar: " + Files.size(jar));
        for (String command : List.of("list", "stress")) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    "org.racelab.harness.Main", command, "--tests-jar", jar.toString()));
            if (command.equals("stress")) {
                cmd.addAll(List.of("--profile", "smoke", "--out", tmp.resolve("out").toString()));
            }
            Process p = new ProcessBuilder(cmd)
                    .redirectOutput(tmp.resolve(command + ".out").toFile())
                    .redirectError(tmp.resolve(command + ".err").toFile())
                    .start();
            // a hang guard, not a timing: the refusal takes well under a second after the JVM starts
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), command + " did not end");
            String err = Files.readString(tmp.resolve(command + ".err"), StandardCharsets.UTF_8);
            List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
            assertEquals(ExitCode.USAGE, p.exitValue(), err);
            assertEquals(1, lines.size(), err);
            assertTrue(lines.get(0).startsWith("racelab " + command + ": refused " + jar)
                    && lines.get(0).contains("META-INF/TestList is over the 16 MiB racelab reads"), err);
            assertFalse(err.contains("OutOfMemoryError") || err.contains("Exception"), err);
        }
        assertFalse(Files.exists(tmp.resolve("out")), "stress refused the jar before it made a run folder");
    }

    @Test
    void aLongLineUnderTheSizeLimitIsRefusedToo() throws IOException {
        Path jar = tmp.resolve("long-line.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("META-INF/TestList"));
            zip.write(("JCTEST" + "x".repeat(100_000) + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        CliRun run = CliRun.of("list", "--tests-jar", jar.toString());
        assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.err().contains("line 1 of its META-INF/TestList has 100006 characters, over the 65536"),
                run::toString);
    }
}
