package org.racelab.harness.cli;

import org.racelab.harness.run.ExitCode;
import org.racelab.harness.run.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad input gets exit code 2 and exactly one line on stderr, with no stack trace,
 * before anything is run or written. (An {@code --out} that cannot be written is the environment's
 * fault, exit code 3: see {@code OutputSafetyTest.anUnwritableOutExitsWithOneCode}.)
 */
class BadInputTest {

    @TempDir
    static Path tmp;

    static Stream<List<String>> badCommandLines() throws IOException {
        Path textFile = Files.writeString(tmp.resolve("notes.jar"), "not a jar at all");
        Path noTestList = jar(tmp.resolve("plain.jar"), "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
        Path badTestList = jar(tmp.resolve("bad.jar"), "META-INF/TestList", "JCTEST5Sabc\n");
        Path emptyTestList = jar(tmp.resolve("empty.jar"), "META-INF/TestList", "");
        return Stream.of(
                List.of("frobnicate"),
                List.of("stress", "--bogus"),
                List.of("stress", "--profile"),
                List.of("stress", "--profile", "extreme"),
                List.of("stress", "--case", "NoSuchCaseAnywhere"),
                List.of("stress", "--case", "(["),
                List.of("stress", "--tests-jar", tmp.resolve("missing.jar").toString()),
                List.of("stress", "--tests-jar", textFile.toString()),
                List.of("stress", "--tests-jar", noTestList.toString()),
                List.of("stress", "--tests-jar", badTestList.toString()),
                List.of("stress", "--tests-jar", emptyTestList.toString()),
                List.of("stress", "--timeout", "0"),
                List.of("stress", "--timeout", "soon"),
                List.of("list", "extra-operand"),
                // an option a lab command means nothing to is refused, not silently dropped
                List.of("lab", "list", "--profile", "quick"),
                List.of("lab", "start", "counter", tmp.resolve("handout").toString(), "--force"),
                List.of("lab", "list", "--timeout", "60"),
                List.of("lab", "grade", tmp.toString(), "--assignment", "counter", "--gradescope", "r.json"),
                List.of("run", "--profile", "SMOKE"),
                List.of("sysinfo", "--json"),
                List.of("vrace", "--carriers", "0"),
                List.of("vrace", "--carriers", "1,two"),
                List.of("vrace", "--carriers", ""),
                List.of("vrace", "--threads", "green"));
    }

    @ParameterizedTest
    @MethodSource("badCommandLines")
    void oneClearLineAndExitCode2(List<String> args) {
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("racelab"), line);
        assertFalse(line.contains("Exception") || line.contains("\tat "), line);
        assertEquals("", run.out(), "nothing on stdout");
    }

    @Test
    void helpOfEveryCommandListsItsOptionsAndAnExample() {
        for (String command : List.of("run", "stress", "vrace", "bench", "sched", "list", "sysinfo")) {
            CliRun run = CliRun.of(command, "--help");
            assertEquals(ExitCode.OK, run.exitCode(), run::toString);
            assertTrue(run.out().contains("usage:") && run.out().contains("example: racelab " + command),
                    run::toString);
            assertTrue(run.out().contains("--help"), run::toString);
        }
    }

    @Test
    void noArgumentsPrintsTheCommandsAndIsAUsageError() {
        CliRun run = CliRun.of();
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.out().contains("stress") && run.out().contains("sysinfo"), run::toString);
    }

    private static Path jar(Path path, String entry, String content) throws IOException {
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new ZipEntry(entry));
            jar.write(content.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return path;
    }
}
