package org.racelab.harness.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * racelab as a real process of its own, as a user starts it, for the tests that signal it: its
 * console goes to a file beside {@code out}, and every process of its run (racelab, the JCStress
 * host, JCStress's forks) can be found by the run's folder, in its command line or as its
 * working directory.
 */
final class RacelabProcess implements AutoCloseable {

    /** JCStress's progress line: {@code (Results: 7 planned; 3 passed, 0 failed, 0 soft errs, 0 hard errs)}. */
    private static final Pattern RESULTS = Pattern.compile(
            "\\(Results: (\\d+) planned; (\\d+) passed, (\\d+) failed, (\\d+) soft errs, (\\d+) hard errs\\)");

    final Path out;
    final Process process;

    private RacelabProcess(Path out, Process process) {
        this.out = out;
        this.process = process;
    }

    /**
     * Starts {@code racelab ARGS --out OUT}. With {@code ownGroup}, in a process group of its own
     * (as a shell starts a job), with SIGINT at its default, so that a Ctrl-C can be sent to the
     * whole group as a terminal sends it.
     */
    static RacelabProcess start(Path out, boolean ownGroup, String... args) throws IOException {
        Files.createDirectories(out);
        List<String> cmd = new ArrayList<>();
        if (ownGroup) {
            // env: a shell that starts a job without job control leaves SIGINT ignored, and so would the JVM
            cmd.addAll(List.of("env", "--default-signal=INT", "setsid"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "org.racelab.harness.Main"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--out", out.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(console(out).toFile()).start();
        return new RacelabProcess(out, p);
    }

    static Path console(Path out) {
        return out.resolveSibling(out.getFileName() + "-console.txt");
    }

    /** Sends a signal ({@code TERM}, {@code INT}, {@code KILL}) to racelab, or to its whole process group. */
    void signal(String signal, boolean toGroup) throws IOException, InterruptedException {
        String target = toGroup ? "-" + process.pid() : Long.toString(process.pid());
        Process kill = new ProcessBuilder("kill", "-s", signal, "--", target).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -s " + signal + " " + target + " failed");
        }
    }

    /** JCStress's console as racelab logged it, once it exists. */
    Optional<Path> jcstressLog() {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.getFileName().toString().equals("jcstress-console.log")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** How many results (forks) JCStress's console has said were done, by its latest progress line; 0 before any. */
    long resultsDone() {
        return jcstressLog().map(RacelabProcess::lastResultsDone).orElse(0L);
    }

    static long lastResultsDone(Path log) {
        long done = 0;
        try {
            Matcher m = RESULTS.matcher(Files.readString(log, StandardCharsets.UTF_8));
            while (m.find()) {
                done = Long.parseLong(m.group(2)) + Long.parseLong(m.group(3)) + Long.parseLong(m.group(4))
                        + Long.parseLong(m.group(5));
            }
        } catch (IOException e) {
            // not written yet
        }
        return done;
    }

    /**
     * Every live process of this run: its command line names the output folder (racelab itself,
     * the JCStress host through its JNA folder) or its working directory is inside it (JCStress
     * runs in {@code raw/}, and its forks inherit that).
     */
    List<ProcessHandle> processesOfTheRun() {
        String marker = out.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).contains(marker) || cwdInside(p, marker))
                .toList();
    }

    /**
     * A process's whole command line. {@code ProcessHandle.Info.commandLine()} is empty for the
     * long ones a Maven test class path makes, so on Linux it is read from {@code /proc}.
     */
    static String commandLine(ProcessHandle p) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return p.info().commandLine().orElse("");
        }
    }

    /** True once a JCStress fork (a JVM that runs one test) of this racelab is running. */
    boolean forkRunning() {
        return process.descendants().anyMatch(p -> commandLine(p).contains("org.openjdk.jcstress.ForkedMain"));
    }

    private static boolean cwdInside(ProcessHandle p, String marker) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd")).toString().startsWith(marker);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // gone meanwhile, or not Linux
        }
    }

    static String describe(List<ProcessHandle> processes) {
        return processes.stream().map(p -> p.pid() + " " + commandLine(p))
                .map(s -> s.length() > 300 ? s.substring(0, 300) + "..." : s).toList().toString();
    }

    String console() {
        try {
            return Files.readString(console(out), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no console: " + e.getMessage() + ")";
        }
    }

    static void waitFor(BooleanSupplier condition, long seconds, String what) throws InterruptedException {
        waitFor(condition, seconds, () -> what);
    }

    /** Waits for the condition; if it does not come, fails with {@code what}, worked out then. */
    static void waitFor(BooleanSupplier condition, long seconds, Supplier<String> what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what.get() + ": not within " + seconds + " s");
            }
            Thread.sleep(50);
        }
    }

    /** Whatever is left of the run is killed: a failed test leaves nothing running. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        processesOfTheRun().forEach(ProcessHandle::destroyForcibly);
    }
}
