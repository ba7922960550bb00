package org.racelab.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code racelab.cmd}'s JDK search and its exit code 3, run by Wine's {@code cmd.exe} against
 * fake JDK homes (a {@code release} file, empty {@code java.exe} and {@code javac.exe}), in
 * dry-run mode as {@link LauncherTest} runs the POSIX launcher. Wine's cmd is a reimplementation,
 * not Microsoft's, so this checks the script's logic, not Windows itself; the build and the run
 * (a Windows JDK, mvnw.cmd) are not tested here. Skipped where Wine is not installed
 * ({@code apt-get install wine64 wine}), except where {@code RACELAB_REQUIRE_WINE=1} (CI sets it); about 10 s, plus about 40 s the first time for Wine's
 * prefix in {@code target/wine}.
 */
class LauncherCmdTest {

    private static Path script;
    private static Path prefix;

    @TempDir
    Path temp;

    private Path jdkDir;

    @BeforeAll
    static void findScriptAndWine() {
        boolean wine = LauncherTest.runs("wine", "--version");
        if (!wine && "1".equals(System.getenv("RACELAB_REQUIRE_WINE"))) {
            fail("Wine is not installed, and RACELAB_REQUIRE_WINE=1: apt-get install wine64 wine");
        }
        Assumptions.assumeTrue(wine, "Wine is not installed: racelab.cmd is not tested here");
        Path fromModule = Path.of("..", "racelab.cmd");
        script = (Files.isRegularFile(fromModule) ? fromModule : Path.of("racelab.cmd")).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(script), "racelab.cmd not found at " + script);
        prefix = Path.of("target", "wine").toAbsolutePath();
    }

    @BeforeEach
    void makeJdkDir() throws IOException {
        jdkDir = Files.createDirectory(temp.resolve("jdks"));
    }

    @Test
    void picksTheHighestJdkAndSkipsAJre() throws Exception {
        fakeJdk("jdk-17", "17.0.12", true);
        fakeJdk("jdk-25", "25.0.1", true);
        fakeJdk("jdk-21", "21.0.5", true);
        fakeJdk("jre-26", "26", false);

        LauncherTest.Result r = run(Map.of());

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("java_home=" + windows(jdkDir.resolve("jdk-25")), "java_version=25"), r.stdout(), r.toString());
    }

    @Test
    void racelabJavaHomeWinsOverAHigherVersion() throws Exception {
        fakeJdk("jdk-25", "25.0.1", true);
        Path explicit = fakeJdk("jdk-21", "21.0.5", true);

        LauncherTest.Result r = run(Map.of("RACELAB_JAVA_HOME", windows(explicit)));

        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("java_home=" + windows(explicit), "java_version=21"), r.stdout(), r.toString());
    }

    @Test
    void noJdk21IsOneLineAndExit3NamingTheNewestSeen() throws Exception {
        fakeJdk("jdk-17", "17.0.12", true);
        fakeJdk("jdk8", "1.8.0_392", true);

        LauncherTest.Result r = run(Map.of());

        assertEquals(3, r.exitCode(), r.toString());
        assertEquals(List.of(), r.stdout(), r.toString());
        assertEquals(1, r.stderr().size(), "exactly one line on stderr: " + r);
        assertTrue(r.stderr().get(0).startsWith("racelab: needs a JDK 21 or newer; found none (newest seen: 17 at "),
                r.toString());
    }

    @Test
    void anOldStyleVersionIsFeature8() throws Exception {
        fakeJdk("jdk8", "1.8.0_392", true);

        LauncherTest.Result r = run(Map.of());

        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.stderr().get(0).contains("(newest seen: 8 at "), r.toString());
    }

    /** A fake home: a release file with Windows line ends, empty bin\java.exe (and javac.exe). */
    private Path fakeJdk(String name, String version, boolean withJavac) throws IOException {
        Path home = jdkDir.resolve(name);
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Fake\"\r\nJAVA_VERSION=\"" + version + "\"\r\n");
        Files.createFile(bin.resolve("java.exe"));
        if (withJavac) {
            Files.createFile(bin.resolve("javac.exe"));
        }
        return home;
    }

    /** Wine shows the Unix root as drive Z:. */
    private static String windows(Path p) {
        return "Z:" + p.toAbsolutePath().toString().replace('/', '\\');
    }

    private LauncherTest.Result run(Map<String, String> extraEnv) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of("wine", "cmd", "/c", windows(script))));
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.remove("RACELAB_JAVA_HOME");
        env.put("WINEPREFIX", prefix.toString());
        env.put("WINEDEBUG", "-all");
        env.put("WINEDLLOVERRIDES", "mscoree,mshtml=");
        env.put("RACELAB_JDK_DIRS", windows(jdkDir));
        env.put("RACELAB_IGNORE_ENV_JDK", "1");
        env.put("RACELAB_LAUNCHER_DRY_RUN", "1");
        env.putAll(extraEnv);
        return LauncherTest.runToFiles(pb, temp, 180, LauncherCmdTest::ownLines);
    }

    /** The script's own lines: Wine's notes about its prefix (first use) are left out. */
    private static List<String> ownLines(List<String> lines) {
        return lines.stream()
                .map(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l)
                .filter(l -> !l.startsWith("wine:") && !l.isBlank())
                .toList();
    }
}
