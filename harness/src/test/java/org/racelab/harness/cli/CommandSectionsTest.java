package org.racelab.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.bundle.Json;
import org.racelab.harness.catalog.StressTest;
import org.racelab.harness.catalog.TestCatalog;
import org.racelab.harness.run.ExitCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands' success paths, through the CLI: what {@code list} and {@code sysinfo} print, and
 * what {@code bench} and {@code sched} measure, print and write, each run as small as it goes
 * (the smoke profile, two benchmarks, one experiment).
 */
class CommandSectionsTest {

    @TempDir
    Path out;

    /** One sched run serves two tests: its section, and the machine its bundle records. */
    @TempDir
    static Path schedOut;
    static CliRun sched;

    @BeforeAll
    static void runOneSchedExperiment() {
        sched = CliRun.of("sched", "carriers", "--profile", "smoke", "--out", schedOut.toString());
    }

    @Test
    void listShowsEveryCaseOfTheCatalogWithItsVariants() throws Exception {
        List<StressTest> catalog = TestCatalog.builtIn().tests();
        CliRun run = CliRun.of("list");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertEquals("", run.err());

        Map<String, Set<String>> expected = new LinkedHashMap<>();
        catalog.forEach(t -> expected.computeIfAbsent(t.caseName(), c -> new LinkedHashSet<>()).add(t.variant()));
        Map<String, Set<String>> listed = new LinkedHashMap<>();
        String current = null;
        for (String line : run.out().lines().toList()) {
            if (!line.isBlank() && !line.startsWith(" ") && !line.contains(" tests in ")) {
                current = line.split(" ")[0];
                listed.put(current, new LinkedHashSet<>());
            } else if (line.startsWith("    ")) {
                String[] words = line.strip().split(" +");
                listed.get(current).add(words[0]);
                assertTrue(Set.of("racy", "fixed", "no-race").contains(words[1]),
                        "every variant of racelab's catalog grades its race: " + line);
            }
        }
        assertEquals(expected, listed);
        Map<String, StressTest> firstOfCase = new LinkedHashMap<>();
        catalog.forEach(t -> firstOfCase.putIfAbsent(t.caseName(), t));
        for (StressTest t : firstOfCase.values()) {
            assertTrue(run.out().contains(t.caseName() + "  [" + t.lesson().orElseThrow().topic() + "]\n"
                    + "  notes: \"" + t.lesson().orElseThrow().notes() + "\"\n"
                    + "  claim: " + t.lesson().orElseThrow().claim() + "\n"), t.name());
        }
        assertTrue(run.out().strip().endsWith(catalog.size() + " tests in " + expected.size() + " cases."), run.out());

        CliRun one = CliRun.of("list", "--case", "LostUpdate");
        assertEquals(ExitCode.OK, one.exitCode(), one::toString);
        assertTrue(one.out().startsWith("Interleaving_01_LostUpdate  ["), one.out());
        long variants = catalog.stream().filter(t -> t.name().contains("LostUpdate")).count();
        assertTrue(one.out().strip().endsWith(variants + " tests in 1 cases."), one.out());
    }

    /** sysinfo prints exactly the machine a bundle records: the same probe, the same JSON. */
    @Test
    void sysinfoPrintsTheMachineEveryBundleRecords() throws Exception {
        CliRun run = CliRun.of("sysinfo");
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        JsonNode machine = Json.mapper().readTree(run.out());
        assertEquals(Runtime.getRuntime().availableProcessors(), machine.get("availableProcessors").asInt());
        assertEquals(System.getProperty("java.home"), machine.get("jvm").get("home").asText());
        assertEquals(Runtime.getRuntime().maxMemory(), machine.get("maxHeapBytes").asLong());
        assertFalse(machine.get("host").asText().isBlank());

        assertEquals(ExitCode.OK, sched.exitCode(), sched::toString);
        JsonNode bundle = Json.mapper().readTree(StressRunTest.folderUnder(schedOut).resolve("bundle.json").toFile());
        assertEquals(machine, bundle.get("machine"), "sysinfo and the bundle describe this machine alike");
    }

    @Test
    void schedRunsOneExperimentAndShowsItsSection() throws Exception {
        CliRun run = sched;
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        int cpus = Runtime.getRuntime().availableProcessors();
        assertTrue(run.out().contains("Sched: carriers on " + cpus + " CPU"), run.out());
        assertTrue(run.out().contains("1 carrier: ran on 1, 0 of "), run.out());
        for (String other : List.of("timeslice", "preemption", "footprint")) {
            assertFalse(run.out().contains("  " + other + " "), other + " was not asked for: " + run.out());
        }

        Path folder = StressRunTest.folderUnder(schedOut);
        JsonNode b = Json.mapper().readTree(folder.resolve("bundle.json").toFile());
        assertEquals("sched", b.get("command").asText());
        assertTrue(b.get("complete").asBoolean(), b.toPrettyString());
        JsonNode sched = b.get("sched");
        assertEquals(List.of("carriers"), strings(sched.get("experiments")));
        for (String absent : List.of("timeslice", "preemption", "footprint")) {
            assertTrue(sched.get(absent) == null || sched.get(absent).isNull(), absent);
        }
        for (String absent : List.of("stress", "vrace", "bench")) {
            assertNull(b.get(absent), absent);
        }
        List<Integer> carriers = new ArrayList<>();
        for (JsonNode r : sched.get("carriers").get("runs")) {
            carriers.add(r.get("carriers").asInt());
            assertFalse(r.get("segments").isEmpty(), "each run records where its threads ran");
        }
        assertEquals(1, carriers.get(0));
        assertTrue(carriers.stream().allMatch(c -> c >= 1 && c <= Math.max(1, cpus)), carriers::toString);

        assertEquals(List.of("sched-carriers.png", "sched-carriers.svg"), names(folder.resolve("charts")));
        String html = Files.readString(folder.resolve("report.html"));
        assertTrue(html.contains("<h2>Scheduling</h2>"), "the report shows the section");
    }

    @Test
    void benchRunsOneComparisonAndShowsItsSection() throws Exception {
        String subject = "ThreadStartJoin.virtualFromPlatform";
        String baseline = "ThreadStartJoin.platformFromPlatform";
        CliRun run = CliRun.of("bench", "--profile", "smoke",
                "--bench", "ThreadStartJoin\\.(platformFromPlatform|virtualFromPlatform)$", "--out", out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Bench: jmh 1.37") && run.out().contains("2 of 2 benchmarks measured"), run.out());
        assertTrue(run.out().contains("start+join, both driven by a platform thread"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.contains("start+join, both driven by a platform thread")
                && l.matches(".*x (cheaper|dearer|faster|slower).*")), run.out());

        Path folder = StressRunTest.folderUnder(out);
        JsonNode b = Json.mapper().readTree(folder.resolve("bundle.json").toFile());
        assertEquals("bench", b.get("command").asText());
        assertTrue(b.get("complete").asBoolean(), b.toPrettyString());
        JsonNode bench = b.get("bench");
        assertEquals(2, bench.get("planned").asInt());
        assertEquals(Set.of(subject, baseline), StreamSupport.stream(bench.get("results").spliterator(), false)
                .map(r -> r.get("benchmark").asText()).collect(Collectors.toSet()));
        for (JsonNode r : bench.get("results")) {
            double score = r.get("primary").get("score").asDouble();
            assertTrue(Double.isFinite(score) && score > 0, r.toString());
            assertEquals("us/op", r.get("primary").get("unit").asText());
        }
        assertEquals(1, bench.get("ratios").size(), bench.get("ratios").toString());
        JsonNode ratio = bench.get("ratios").get(0);
        assertEquals(subject, ratio.get("subject").asText());
        assertEquals(baseline, ratio.get("baseline").asText());
        assertEquals(ratio.get("subjectScore").get("score").asDouble() / ratio.get("baselineScore").get("score").asDouble(),
                ratio.get("ratio").asDouble(), 1e-9 * ratio.get("ratio").asDouble(), "the ratio is of the two scores");
        for (String absent : List.of("stress", "vrace", "sched")) {
            assertNull(b.get(absent), absent);
        }
        assertTrue(Files.readString(folder.resolve("report.html")).contains("<h2>Benchmarks: platform vs virtual threads</h2>"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static List<String> names(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
