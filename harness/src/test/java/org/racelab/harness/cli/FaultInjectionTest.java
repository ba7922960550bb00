package org.racelab.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.racelab.harness.bundle.Json;
import org.racelab.harness.stress.RawResults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fault-injection suite: {@code racelab stress} on the smoke profile (the seven 2-actor
 * lost-update tests), stopped at a random point by SIGTERM ({@code kill}), SIGINT to its whole
 * process group (Ctrl-C in a terminal: JCStress and its forks get it too) and SIGKILL
 * ({@code kill -9}), five times each. Every time, every test that JCStress's console had said
 * was finished is kept with its counts (in the bundle; after SIGKILL, which leaves racelab no
 * chance to write it, in JCStress's results file under {@code raw/}), and no JVM of the run is
 * left: 20 s after SIGTERM or SIGINT (JCStress gets 10 s to save), 5 s after SIGKILL.
 *
 * <p>It takes 6-11 minutes on 2 vCPUs (JCStress probes the JVM for 10-40 s at the start of each run),
 * so {@code mvn verify} leaves it out; run it with {@code mvn -Pfaults -pl harness -am verify}.
 * The kill points come from a seed, printed first; {@code -Dracelab.faults.seed=N} replays them.
 */
@Tag("faults")
class FaultInjectionTest {

    private static final long SEED = Long.getLong("racelab.faults.seed", System.currentTimeMillis());
    private static final String[] RUN = {"stress", "--profile", "smoke", "--case", "LostUpdate"};
    /** The lost-update tests that run on 2 CPUs (the eighth has 4 actors), one fork each at smoke. */
    private static final int RESULTS = 7;

    @BeforeAll
    static void sayTheSeed() {
        System.out.println("FaultInjectionTest: seed " + SEED + " (replay with -Dracelab.faults.seed=" + SEED + ")");
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "the lost-update tests have 2 actors: 2 CPUs");
        assumeTrue(Files.isDirectory(Path.of("/proc/self")) && Files.isExecutable(Path.of("/usr/bin/setsid")),
                "Linux, with setsid (util-linux): a process group of racelab's own, as a shell's job has");
    }

    static Stream<Arguments> faults() {
        return Stream.of("TERM", "INT", "KILL").flatMap(s -> IntStream.rangeClosed(1, 5).mapToObj(i -> Arguments.of(s, i)));
    }

    @ParameterizedTest(name = "SIG{0}, run {1}")
    @MethodSource("faults")
    void aRunStoppedAtARandomPointKeepsEveryFinishedTestAndLeavesNoJvm(String signal, int run, @TempDir Path tmp)
            throws Exception {
        // one generator per run, so that any run can be replayed alone; SplittableRandom mixes nearby seeds well
        SplittableRandom random = new SplittableRandom(SEED + 1000L * List.of("TERM", "INT", "KILL").indexOf(signal) + run);
        // the first run of each signal is stopped at a random time from the start (mostly while
        // JCStress probes the JVM), the others after a random number of finished tests, plus up to 1.5 s
        boolean early = run == 1;
        int afterResults = early ? 0 : 1 + random.nextInt(RESULTS - 1);
        long delayMillis = early ? 500 + random.nextInt(25_000) : random.nextInt(1500);
        Path out = tmp.resolve("run");
        long saidBefore;
        boolean endedFirst;
        double goneAfter;
        try (RacelabProcess racelab = RacelabProcess.start(out, true, RUN)) {
            RacelabProcess.waitFor(() -> racelab.resultsDone() >= afterResults || !racelab.process.isAlive(), 300,
                    () -> afterResults + " results\n" + racelab.console());
            Thread.sleep(delayMillis);
            saidBefore = racelab.resultsDone();
            endedFirst = !racelab.process.isAlive();
            if (!endedFirst) {
                racelab.signal(signal, signal.equals("INT"));
            }
            long signalled = System.nanoTime();
            assertTrue(racelab.process.waitFor(60, TimeUnit.SECONDS), "racelab ends after SIG" + signal);
            RacelabProcess.waitFor(() -> racelab.processesOfTheRun().isEmpty(), signal.equals("KILL") ? 5 : 20,
                    () -> "every JVM of the run ending after SIG" + signal + "; left: "
                            + RacelabProcess.describe(racelab.processesOfTheRun()));
            goneAfter = (System.nanoTime() - signalled) / 1e9;
            String kept = check(signal, out, saidBefore, endedFirst, racelab.console());
            System.out.printf("FaultInjectionTest: SIG%s run %d: %s; console said %d results before the signal;"
                            + " %s; no JVM of the run left %.1f s after the signal%n", signal, run,
                    early ? "at " + delayMillis + " ms after the start" : "after " + afterResults + " results + "
                            + delayMillis + " ms", saidBefore, kept, goneAfter);
        }
    }

    /** Checks what the run kept; returns it in words. */
    private static String check(String signal, Path out, long saidBefore, boolean endedFirst, String console)
            throws Exception {
        Path folder;
        try (Stream<Path> s = Files.list(out)) {
            folder = s.findFirst().orElse(null);
        }
        if (folder == null) {
            assertEquals(0, saidBefore, "no run folder, yet JCStress had said results were done:\n" + console);
            return "stopped before the run folder was made";
        }
        JsonNode bundle = Json.mapper().readTree(folder.resolve("bundle.json").toFile());
        Path log = folder.resolve("raw").resolve("jcstress-console.log");
        long said = Files.exists(log) ? RacelabProcess.lastResultsDone(log) : 0;
        String context = console + "\n--- bundle\n" + bundle.toPrettyString();
        if (endedFirst) {
            assertTrue(bundle.get("complete").asBoolean(), context);
            assertEquals(RESULTS, said, context);
            return "the run had ended before the signal, complete";
        }
        if (signal.equals("KILL")) {
            // racelab could write nothing more; JCStress, told by its tether, closed its results file
            assertFalse(bundle.get("complete").asBoolean(), context);
            RawResults.Content raw = RawResults.of(folder.resolve("raw"));
            assertTrue(raw.results() >= said, "raw/ holds " + raw.results() + " results; the console had said "
                    + said + "\n" + context);
            assertTrue(raw.closed(), "JCStress closed its results file on its way out\n" + context);
            return "raw/ kept " + raw.results() + " results (console: " + said + ")";
        }
        if (bundle.get("stress") == null || bundle.get("stress").isNull()) {
            // stopped before the stress section began: nothing was measured
            assertFalse(bundle.get("complete").asBoolean(), context);
            assertEquals(0, said, context);
            return "stopped before JCStress started";
        }
        long kept = InterruptTest.keptEveryFinishedTest(out, saidBefore, console);
        return "the bundle kept " + kept + " results (console: " + said + ")";
    }
}
