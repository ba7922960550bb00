package org.racelab.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code racelab} launcher script in dry-run mode against fake JDK homes, so that its
 * JDK discovery can be checked without the machine's real JDKs: {@code RACELAB_JDK_DIRS} points
 * at a temporary folder, {@code RACELAB_IGNORE_ENV_JDK=1} makes it ignore JAVA_HOME and the
 * {@code java} on PATH, and {@code RACELAB_LAUNCHER_DRY_RUN=1} makes it print its choice and exit.
 */
class LauncherTest {

    private static Path script;

    @TempDir
    Path temp;

    private Path jdkDir;

    private record Result(int exitCode, List<String> stdout, List<String> stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + ", stdout " + stdout + ", stderr " + stderr;
        }
    }

    @BeforeAll
    static void findScriptAndBash() {
        Assumptions.assumeTrue(bashAvailable(),
                "bash is not on PATH (e.g. Windows without Git Bash): the launcher script tests cannot run");
        // Surefire runs in harness/, the script sits in the project root.
        Path fromModule = Path.of("..", "racelab");
        script = Files.isRegularFile(fromModule) ? fromModule : Path.of("racelab");
        assertTrue(Files.isRegularFile(script),
                "launcher script not found at " + fromModule.toAbsolutePath().normalize()
                        + " nor at " + Path.of("racelab").toAbsolutePath());
        script = script.toAbsolutePath().normalize();
    }

    @BeforeEach
    void makeJdkDir() throws IOException {
        jdkDir = Files.createDirectory(temp.resolve("jdks"));
    }

    @Test
    void scriptIsExecutable() {
        Assumptions.assumeFalse(isWindows(), "executable bits are not meaningful on Windows");
        assertTrue(Files.isExecutable(script), script + " must be executable");
    }

    @Test
    void picksTheHighestVersion() throws Exception {
        fakeJdk(jdkDir.resolve("jdk-17"), "17.0.12", true, true);
        Path jdk25 = fakeJdk(jdkDir.resolve("jdk-25"), "25.0.1", true, true);
        fakeJdk(jdkDir.resolve("jdk-21"), "21.0.5", true, true);

        assertChose(jdk25, 25, runLauncher(Map.of()));
    }

    @Test
    void skipsAJreWithoutJavac() throws Exception {
        fakeJdk(jdkDir.resolve("jre-25"), "25.0.1", true, false);
        Path jdk21 = fakeJdk(jdkDir.resolve("jdk-21"), "21.0.5", true, true);

        assertChose(jdk21, 21, runLauncher(Map.of()));
    }

    @Test
    void failsWithOneLineAndExit3WhenNoJdk21() throws Exception {
        fakeJdk(jdkDir.resolve("jdk-11"), "11.0.25", true, true);
        fakeJdk(jdkDir.resolve("jdk-17"), "17.0.12", true, true);

        Result r = runLauncher(Map.of());

        assertEquals(3, r.exitCode(), r.toString());
        assertEquals(List.of(), r.stdout(), r.toString());
        assertEquals(1, r.stderr().size(), "exactly one line on stderr: " + r);
        String line = r.stderr().get(0);
        assertTrue(line.contains("JDK 21"), line);
        assertTrue(line.contains("newest seen: 17 at "), line);
    }

    @Test
    void racelabJavaHomeWinsOverAHigherVersion() throws Exception {
        fakeJdk(jdkDir.resolve("jdk-25"), "25.0.1", true, true);
        Path explicit21 = fakeJdk(temp.resolve("elsewhere").resolve("jdk-21"), "21.0.5", true, true);

        Result r = runLauncher(Map.of("RACELAB_JAVA_HOME", explicit21.toString()));

        assertChose(explicit21, 21, r);
    }

    @Test
    void withoutReleaseFileParsesJavaVersionOutput() throws Exception {
        fakeJdk(jdkDir.resolve("jdk-21"), "21.0.5", true, true);
        Path noRelease = fakeJdk(jdkDir.resolve("no-release"), "22.0.2", false, true);

        assertChose(noRelease, 22, runLauncher(Map.of()));
    }

    @Test
    void parsesOldStyleVersionFromReleaseFileAs8() throws Exception {
        fakeJdk(jdkDir.resolve("jdk8"), "1.8.0_392", true, true);

        assertNewestSeenIs8(runLauncher(Map.of()));
    }

    @Test
    void parsesOldStyleVersionFromJavaVersionOutputAs8() throws Exception {
        fakeJdk(jdkDir.resolve("jdk8"), "1.8.0_392", false, true);

        assertNewestSeenIs8(runLauncher(Map.of()));
    }

    private static void assertNewestSeenIs8(Result r) {
        assertEquals(3, r.exitCode(), r.toString());
        assertEquals(1, r.stderr().size(), "exactly one line on stderr: " + r);
        assertTrue(r.stderr().get(0).contains("newest seen: 8 at "), r.toString());
    }

    private static void assertChose(Path home, int version, Result r) throws IOException {
        assertEquals(0, r.exitCode(), r.toString());
        // The launcher prints canonical paths (the temp folder may sit behind a symlink, as on macOS).
        assertEquals(List.of("java_home=" + home.toRealPath(), "java_version=" + version), r.stdout(),
                r.toString());
        assertEquals(List.of(), r.stderr(), r.toString());
    }

    /**
     * A fake Java home: {@code bin/java} prints a {@code -version} banner to stderr the way a real
     * one does, {@code bin/javac} does nothing.
     */
    private static Path fakeJdk(Path home, String version, boolean withRelease, boolean withJavac)
            throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        if (withRelease) {
            Files.writeString(home.resolve("release"),
                    "IMPLEMENTOR=\"Fake\"\nJAVA_VERSION=\"" + version + "\"\nJAVA_VERSION_DATE=\"2025-01-21\"\n");
        }
        String banner = version.startsWith("1.")
                ? "java version \"" + version + "\"\nJava(TM) SE Runtime Environment (build " + version + "-b08)\n"
                : "openjdk version \"" + version + "\" 2025-01-21\nOpenJDK Runtime Environment (build " + version + "+7)\n";
        stub(bin.resolve("java"), "#!/bin/sh\ncat >&2 <<'EOF'\n" + banner + "EOF\n");
        if (withJavac) {
            stub(bin.resolve("javac"), "#!/bin/sh\nexit 0\n");
        }
        return home;
    }

    private static void stub(Path file, String content) throws IOException {
        Files.writeString(file, content);
        assertTrue(file.toFile().setExecutable(true), "cannot make " + file + " executable");
    }

    private Result runLauncher(Map<String, String> extraEnv) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString());
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.remove("RACELAB_JAVA_HOME");
        env.remove("RACELAB_JAVA_OPTS");
        env.put("RACELAB_JDK_DIRS", jdkDir.toString());
        env.put("RACELAB_IGNORE_ENV_JDK", "1");
        env.put("RACELAB_LAUNCHER_DRY_RUN", "1");
        env.putAll(extraEnv);

        // Files, not pipes: nothing can block on a full pipe buffer.
        Path out = temp.resolve("stdout.txt");
        Path err = temp.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("launcher did not finish within 60 s");
        }
        return new Result(p.exitValue(), lines(out), lines(err));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }

    private static boolean bashAvailable() {
        try {
            Process p = new ProcessBuilder("bash", "-c", "exit 0")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
