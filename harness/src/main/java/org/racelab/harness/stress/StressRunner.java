package org.racelab.harness.stress;

import org.apache.commons.io.FileUtils;
import org.racelab.harness.bundle.StressSection;
import org.racelab.harness.catalog.StressTest;
import org.racelab.harness.profile.StressEstimate;
import org.racelab.harness.progress.ProgressListener;
import org.racelab.harness.vm.ChildJvm;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs JCStress on platform threads, in a JVM of its own, and turns what it wrote into the
 * bundle's stress section.
 *
 * <p>JCStress runs as a child process, in the bundle's {@code raw/} folder, because that is how
 * a hang or a crash stays JCStress's problem: racelab's watchdog can stop the whole process tree
 * (JCStress forks a JVM per test configuration) and still read every result written before. It
 * runs through {@link JCStressMain}, which writes each result to the results file as it comes in
 * and, asked to stop, ends its forks and closes the file: a run cut short (Ctrl-C, {@code kill},
 * the watchdog) keeps every test that had finished, with its counts.
 * JCStress's console output goes to {@code raw/jcstress-console.log}; racelab reads its progress
 * line from it, then its results file, and its HTML report stays under {@code raw/jcstress/}.
 */
public final class StressRunner {

    public static final String JCSTRESS_VERSION = "0.16";
    static final String CONSOLE_LOG = "jcstress-console.log";
    static final String REPORT_DIR = "jcstress";
    private static final String JNA_TMP = "jna-tmp";

    /** JCStress ends with this error, and exit code 1, when a test failed: that is a result, not a fault. */
    private static final String TEST_FAILURES = "java.lang.AssertionError: TEST FAILURES";

    /** JCStress's last line before its first test; no result may come for long after it (a hung actor). */
    static final String TESTS_START = "Printing the progress line";

    private final ChildJvm jvm = new ChildJvm();
    private volatile boolean reportedTestFailures;

    /** Stops the run from another thread (Ctrl-C): JCStress is asked to end, results so far are kept. */
    public void stop(String reason) {
        jvm.stop(reason);
    }

    public StressSection run(StressRequest request, ProgressListener progress) throws IOException {
        int cpus = Runtime.getRuntime().availableProcessors();
        List<StressTest> runnable = request.tests().stream().filter(t -> t.actors() <= cpus).toList();
        long started = System.nanoTime();
        List<String> args = jcstressArgs(request, runnable);
        if (runnable.isEmpty()) {
            return StressResults.assemble(request, cpus, args, List.of(), null, 0, null);
        }
        Files.createDirectories(request.rawDir());
        progress.started("stress", runnable.size(), StressEstimate.seconds(request.profile(),
                runnable.stream().map(StressTest::actors).toList(), cpus,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        reportedTestFailures = false;
        ChildJvm.Ending ending = jvm.run(command(request, args), request.rawDir(),
                request.rawDir().resolve(CONSOLE_LOG), request.timeout(), line -> {
                    reportedTestFailures |= line.contains(TEST_FAILURES);
                    if (line.contains(TESTS_START)) {
                        progress.progressed(0, runnable.size(), ""); // the probe is over: the tests run from here
                    }
                    ConsoleProgressLine.parse(line).ifPresent(l -> progress.progressed(l.done(), l.planned(), l.note()));
                });
        progress.finished();
        // a leftover copy of JNA's library in raw/ is harmless: quietly
        FileUtils.deleteQuietly(request.rawDir().resolve(JNA_TMP).toFile());
        double elapsed = (System.nanoTime() - started) / 1e9;

        String problem = ending.stopped() ? "JCStress " + ending.stopReason() : null;
        List<ForkResult> results = new ArrayList<>();
        Path resultFile = findResultFile(request.rawDir());
        if (resultFile != null) {
            ResultFileReader.Read read = ResultFileReader.read(resultFile);
            read.results().forEach(r -> results.add(ForkResult.of(r)));
            if (problem == null && read.problem() != null) {
                problem = read.problem();
            }
        } else if (problem == null) {
            problem = "JCStress wrote no results (exit code " + ending.exitCode() + "): " + lastLine(request.rawDir());
        }
        if (problem == null && ending.exitCode() != 0 && !(ending.exitCode() == 1 && reportedTestFailures)) {
            problem = "JCStress exited with code " + ending.exitCode() + ": " + lastLine(request.rawDir());
        }
        Path report = request.rawDir().resolve(REPORT_DIR).resolve("index.html");
        String rawReport = Files.exists(report) ? request.rawDir().getFileName() + "/" + REPORT_DIR + "/index.html" : null;
        return StressResults.assemble(request, cpus, args, results, problem, elapsed, rawReport);
    }

    static List<String> jcstressArgs(StressRequest request, List<StressTest> tests) {
        List<String> args = new ArrayList<>(request.profile().jcstressArgs());
        args.add("-t");
        args.add(exactly(tests));
        args.add("-r");
        args.add(REPORT_DIR);
        return args;
    }

    /** A JCStress {@code -t} expression that selects exactly these tests and no other. */
    static String exactly(List<StressTest> tests) {
        return tests.stream().map(t -> Pattern.quote(t.name())).collect(Collectors.joining("|", "^(?:", ")$"));
    }

    private static List<String> command(StressRequest request, List<String> args) {
        return ChildJvm.command(List.of(
                "-Djcstress.console.printIntervalMs=1000",
                // JNA unpacks its native library into a shared cache; a tests jar that brings another JNA
                // version than racelab's would find the other's library there. Each run unpacks its own.
                "-Djna.tmpdir=" + request.rawDir().resolve(JNA_TMP)),
                request.catalog().location(), JCStressMain.class.getName(), args);
    }

    private static Path findResultFile(Path rawDir) throws IOException {
        try (Stream<Path> files = Files.list(rawDir)) {
            return files.filter(f -> f.getFileName().toString().matches("jcstress-results-.*\\.bin\\.gz"))
                    .findFirst().orElse(null);
        }
    }

    private static String lastLine(Path rawDir) {
        Path log = rawDir.resolve(CONSOLE_LOG);
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).strip();
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "see " + rawDir.getFileName() + "/" + CONSOLE_LOG;
    }
}
