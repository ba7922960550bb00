package org.racelab.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.bundle.Json;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real racelab process stopped in the middle of a JCStress run (smoke profile, the seven
 * 2-actor tests of the lost update: one fork each, a second or two apiece on 2 vCPUs, after
 * JCStress's 20-40 s of probing the JVM). The signals are the real ones: SIGTERM, which is
 * what Ctrl-C and {@code kill} also lead to, and SIGKILL, which gives racelab no chance at all.
 * The fault-injection suite ({@code FaultInjectionTest}, {@code mvn -Pfaults}) does the same at
 * random points, fifteen times.
 */
class InterruptTest {

    private static final String[] RUN = {"stress", "--profile", "smoke", "--case", "LostUpdate"};

    @Test
    void aRunCutShortKeepsEveryFinishedTest(@TempDir Path tmp) throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "the lost-update tests have 2 actors: 2 CPUs");
        Path out = tmp.resolve("cut");
        long saidBefore;
        try (RacelabProcess racelab = RacelabProcess.start(out, false, RUN)) {
            RacelabProcess.waitFor(() -> racelab.resultsDone() >= 2, 300, "JCStress finishing two tests");
            saidBefore = racelab.resultsDone();
            racelab.signal("TERM", false);
            assertTrue(racelab.process.waitFor(60, TimeUnit.SECONDS), "racelab ends after SIGTERM");
            // 10 s: JCStress is asked to end and given 10 s; measured here, it ends in about 1 s
            RacelabProcess.waitFor(() -> racelab.processesOfTheRun().isEmpty(), 20, "every JVM of the run ending");
            assertTrue(keptEveryFinishedTest(out, saidBefore, racelab.console()) >= 2);
        }
    }

    /**
     * The bundle of a run stopped by a signal keeps, with its counts, every test that JCStress's
     * console had said was done before the signal ({@code saidBefore}) and by its last word: the
     * final progress line it prints as it stops. Returns how many results (forks) it kept.
     */
    static long keptEveryFinishedTest(Path out, long saidBefore, String console) throws Exception {
        Path folder = StressRunTest.folderUnder(out);
        JsonNode b = Json.mapper().readTree(folder.resolve("bundle.json").toFile());
        String context = console + "\n--- bundle\n" + b.toPrettyString();
        assertFalse(b.get("complete").asBoolean(), context);
        assertTrue(b.get("incomplete").toString().contains("interrupted"), context);
        long saidAtTheEnd = RacelabProcess.lastResultsDone(folder.resolve("raw").resolve("jcstress-console.log"));
        assertTrue(saidAtTheEnd >= saidBefore, context);

        List<String> kept = new ArrayList<>();
        long forks = 0;
        for (JsonNode t : b.at("/stress/tests")) {
            String name = t.get("name").asText();
            if (t.get("configs").isEmpty()) {
                assertTrue(List.of("NOT_RUN", "SKIPPED").contains(t.get("verdict").asText()), name + "\n" + context);
                continue;
            }
            kept.add(name);
            forks += t.get("configs").size();
            // a fork the stop killed is left out, not made a VM error
            assertEquals("PASSED", t.get("verdict").asText(), name + "\n" + context);
            long samples = t.get("samples").asLong();
            assertTrue(samples > 0, name);
            long counted = 0;
            for (JsonNode o : t.get("outcomes")) {
                counted += o.get("count").asLong();
            }
            assertEquals(samples, counted, name + ": the outcomes' counts add up to its samples");
        }
        assertTrue(forks >= saidAtTheEnd,
                "JCStress's console said " + saidAtTheEnd + " results were done (" + saidBefore
                        + " before the signal); the bundle kept " + forks + ": " + kept + "\n" + context);
        return forks;
    }

    @Test
    void noChildJvmOutlivesAKilledRacelab(@TempDir Path tmp) throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "the lost-update tests have 2 actors: 2 CPUs");
        Path out = tmp.resolve("killed");
        try (RacelabProcess racelab = RacelabProcess.start(out, false, RUN)) {
            // mid-run: a test has finished, and a JCStress fork is running the next one
            RacelabProcess.waitFor(() -> racelab.resultsDone() >= 1 && racelab.forkRunning(),
                    300, () -> "a JCStress fork running after the first result: " + racelab.resultsDone()
                            + " results; descendants " + RacelabProcess.describe(racelab.process.descendants().toList())
                            + "\n" + racelab.console());
            List<ProcessHandle> before = racelab.processesOfTheRun();
            assertTrue(before.size() >= 3, "racelab, the JCStress host and a fork: " + RacelabProcess.describe(before));
            racelab.signal("KILL", false);
            long killed = System.nanoTime();
            // The bar: no JVM of the run is alive 5 s later. Measured here: all gone 0.1-0.5 s after the kill.
            RacelabProcess.waitFor(() -> racelab.processesOfTheRun().isEmpty(), 5,
                    () -> "every JVM of the run ending after kill -9 of racelab; left: "
                            + RacelabProcess.describe(racelab.processesOfTheRun()));
            System.out.printf("noChildJvmOutlivesAKilledRacelab: %d processes of the run, all gone %.2f s after kill -9%n",
                    before.size(), (System.nanoTime() - killed) / 1e9);
        }
    }
}
