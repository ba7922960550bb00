package org.racelab.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the {@code racelab} launcher script in dry-run mode against fake JDK homes, so that its
 * JDK discovery can be checked without the machine's real JDKs: {@code RACELAB_JDK_DIRS} points
 * at a temporary folder, {@code RACELAB_IGNORE_ENV_JDK=1} makes it ignore JAVA_HOME and the
 * {@code java} on PATH, and {@code RACELAB_LAUNCHER_DRY_RUN=1} makes it print its choice and exit.
 *
 * <p>The launcher is POSIX sh, so every test runs it under each shell that users have: bash (also
 * macOS's /bin/bash 3.2 in its {@code --posix} mode, as macOS's /bin/sh runs it) and dash, the
 * strictest common POSIX sh (Debian's and Ubuntu's /bin/sh). A shell that is not installed is
 * skipped, and says so, except where {@code RACELAB_REQUIRE_DASH=1} (CI sets it).
 */
class LauncherTest {

    private static Path script;

    @TempDir
    Path temp;

    private Path jdkDir;

    /** A launcher's exit code and output lines (also {@link LauncherCmdTest}'s). */
    record Result(int exitCode, List<String> stdout, List<String> stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + ", stdout " + stdout + ", stderr " + stderr;
        }
    }

    /** A shell to run the launcher with: its name and the command line before the script. */
    record Shell(String name, List<String> command) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Shell> shells() {
        return Stream.of(new Shell("bash", List.of("bash")),
                new Shell("bash --posix", List.of("bash", "--posix")),
                new Shell("dash", List.of("dash")));
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void picksTheHighestVersion(Shell shell) throws Exception {
        fakeJdk(jdkDir.resolve("jdk-17"), "17.0.12", true, true);
        Path jdk25 = fakeJdk(jdkDir.resolve("jdk-25"), "25.0.1", true, true);
        fakeJdk(jdkDir.resolve("jdk-21"), "21.0.5", true, true);

        assertChose(jdk25, 25, runLauncher(shell, Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void skipsAJreWithoutJavac(Shell shell) throws Exception {
        fakeJdk(jdkDir.resolve("jre-25"), "25.0.1", true, false);
        Path jdk21 = fakeJdk(jdkDir.resolve("jdk-21"), "21.0.5", true, true);

        assertChose(jdk21, 21, runLauncher(shell, Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void failsWithOneLineAndExit3WhenNoJdk21(Shell shell) throws Exception {
        fakeJdk(jdkDir.resolve("jdk-11"), "11.0.25", true, true);
        fakeJdk(jdkDir.resolve("jdk-17"), "17.0.12", true, true);

        Result r = runLauncher(shell, Map.of());

        assertEquals(3, r.exitCode(), r.toString());
        assertEquals(List.of(), r.stdout(), r.toString());
        assertEquals(1, r.stderr().size(), "exactly one line on stderr: " + r);
        String line = r.stderr().get(0);
        assertTrue(line.contains("JDK 21"), line);
        assertTrue(line.contains("newest seen: 17 at "), line);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void racelabJavaHomeWinsOverAHigherVersion(Shell shell) throws Exception {
        fakeJdk(jdkDir.resolve("jdk-25"), "25.0.1", true, true);
        Path explicit21 = fakeJdk(temp.resolve("elsewhere").resolve("jdk-21"), "21.0.5", true, true);

        Result r = runLauncher(shell, Map.of("RACELAB_JAVA_HOME", explicit21.toString()));

        assertChose(explicit21, 21, r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void withoutReleaseFileParsesJavaVersionOutput(Shell shell) throws Exception {
        fakeJdk(jdkDir.resolve("jdk-21"), "21.0.5", true, true);
        Path noRelease = fakeJdk(jdkDir.resolve("no-release"), "22.0.2", false, true);

        assertChose(noRelease, 22, runLauncher(shell, Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void parsesOldStyleVersionFromReleaseFileAs8(Shell shell) throws Exception {
        fakeJdk(jdkDir.resolve("jdk8"), "1.8.0_392", true, true);

        assertNewestSeenIs8(runLauncher(shell, Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void parsesOldStyleVersionFromJavaVersionOutputAs8(Shell shell) throws Exception {
        fakeJdk(jdkDir.resolve("jdk8"), "1.8.0_392", false, true);

        assertNewestSeenIs8(runLauncher(shell, Map.of()));
    }

    /**
     * A machine with a JDK and no Maven: the launcher builds with the Maven Wrapper beside it. A
     * copy of the launcher in a fake checkout whose {@code mvnw} writes the jar; PATH holds the
     * machine's tools but no {@code mvn}; the fake JDK's {@code java} prints what it was asked to run.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void buildsWithTheMavenWrapperWhenNoMvn(Shell shell) throws Exception {
        Path jdk = fakeJdk(jdkDir.resolve("jdk-21"), "21.0.5", true, true);
        stub(jdk.resolve("bin/java"), "#!/bin/sh\nprintf 'java %s\\n' \"$*\"\n");
        Path checkout = fakeCheckout(true);

        Result r = run(shell, checkout.resolve("racelab"), List.of("sysinfo"), withoutMvn());

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("-q -B -DskipTests package"),
                Files.readAllLines(checkout.resolve("mvnw-was-run")), "how mvnw was run");
        assertTrue(Files.isRegularFile(checkout.resolve("harness/target/racelab.jar")), r.toString());
        assertEquals(1, r.stdout().size(), r.toString());
        assertTrue(r.stdout().get(0).startsWith("java "), r.toString());
        assertTrue(r.stdout().get(0).endsWith("-jar " + checkout.toRealPath().resolve("harness/target/racelab.jar") + " sysinfo"),
                r.toString());
        assertTrue(r.stderr().stream().anyMatch(l -> l.contains("building racelab with ./mvnw")), r.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void noMavenAndNoWrapperIsOneLineAndExit3(Shell shell) throws Exception {
        fakeJdk(jdkDir.resolve("jdk-21"), "21.0.5", true, true);
        Path checkout = fakeCheckout(false);

        Result r = run(shell, checkout.resolve("racelab"), List.of("sysinfo"), withoutMvn());

        assertEquals(3, r.exitCode(), r.toString());
        assertEquals(List.of(), r.stdout(), r.toString());
        assertEquals(1, r.stderr().size(), "exactly one line on stderr: " + r);
        assertTrue(r.stderr().get(0).contains("the Maven Wrapper (./mvnw"), r.toString());
    }

    /** A copy of the launcher in a folder of its own, with a stub mvnw that makes the jar, or without one. */
    private Path fakeCheckout(boolean withWrapper) throws IOException {
        Path checkout = Files.createDirectories(temp.resolve("checkout"));
        Files.copy(script, checkout.resolve("racelab"));
        if (withWrapper) {
            Files.createDirectories(checkout.resolve(".mvn/wrapper"));
            Files.writeString(checkout.resolve(".mvn/wrapper/maven-wrapper.properties"), "distributionType=only-script\n");
            // Without its executable bit, as a zip download may leave it: the launcher runs it through sh.
            Files.writeString(checkout.resolve("mvnw"), """
                    #!/bin/sh
                    printf '%s\\n' "$*" > mvnw-was-run
                    mkdir -p harness/target && printf 'jar' > harness/target/racelab.jar
                    """);
        }
        return checkout;
    }

    /** PATH: a folder of stand-ins for the tools on the real PATH, less mvn. */
    private Map<String, String> withoutMvn() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin-without-mvn"));
        for (String tool : List.of("sh", "dash", "bash", "dirname", "basename", "readlink", "find", "head", "tail",
                "grep", "sed", "mkdir", "touch", "cat", "printf")) {
            Optional<Path> real = onPath(tool);
            if (real.isPresent() && !Files.exists(bin.resolve(tool))) {
                // a script, not a link: JUnit warns about links out of its temporary folder
                stub(bin.resolve(tool), "#!/bin/sh\nexec '" + real.get() + "' \"$@\"\n");
            }
        }
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin.toString());
        env.put("RACELAB_LAUNCHER_DRY_RUN", null);
        return env;
    }

    private static Optional<Path> onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
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

    private Result runLauncher(Shell shell, Map<String, String> extraEnv) throws Exception {
        return run(shell, script, List.of(), extraEnv);
    }

    /** Runs a launcher with the fake JDKs only; a null value in extraEnv removes that variable. */
    private Result run(Shell shell, Path launcher, List<String> args, Map<String, String> extraEnv) throws Exception {
        requireShell(shell);
        List<String> command = new ArrayList<>(shell.command());
        command.add(launcher.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.remove("RACELAB_JAVA_HOME");
        env.remove("RACELAB_JAVA_OPTS");
        env.put("RACELAB_JDK_DIRS", jdkDir.toString());
        env.put("RACELAB_IGNORE_ENV_JDK", "1");
        env.put("RACELAB_LAUNCHER_DRY_RUN", "1");
        extraEnv.forEach((k, v) -> {
            if (v == null) {
                env.remove(k);
            } else {
                env.put(k, v);
            }
        });

        return runToFiles(pb, temp, 60, lines -> lines);
    }

    /**
     * Runs a launcher with its output in files, not pipes (nothing can block on a full pipe
     * buffer), within {@code seconds}; {@code keep} picks the lines that are the launcher's own.
     */
    static Result runToFiles(ProcessBuilder pb, Path dir, int seconds, UnaryOperator<List<String>> keep)
            throws IOException, InterruptedException {
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(pb.command() + " did not finish within " + seconds + " s");
        }
        return new Result(p.exitValue(), keep.apply(Files.readAllLines(out, StandardCharsets.UTF_8)),
                keep.apply(Files.readAllLines(err, StandardCharsets.UTF_8)));
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }

    private static void requireShell(Shell shell) {
        boolean there = shellAvailable(shell.command().get(0));
        if (!there && shell.name().equals("dash") && "1".equals(System.getenv("RACELAB_REQUIRE_DASH"))) {
            fail("dash is not installed, and RACELAB_REQUIRE_DASH=1: apt-get install dash");
        }
        Assumptions.assumeTrue(there, shell.command().get(0) + " is not installed: the launcher is not tested under it here");
    }

    private static boolean bashAvailable() {
        return shellAvailable("bash");
    }

    private static boolean shellAvailable(String shell) {
        return runs(shell, "-c", "exit 0");
    }

    /** Whether a command is there and exits 0 within 30 s (Wine may set up its prefix first). */
    static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
