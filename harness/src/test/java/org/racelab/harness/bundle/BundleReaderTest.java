package org.racelab.harness.bundle;

import org.racelab.harness.report.ReportFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader on real bundles, and on broken, oversized and hostile ones: refused or cleaned, with one line. */
class BundleReaderTest {

    @TempDir
    Path tmp;

    @Test
    void readsRealBundles() {
        ReadBundle two = Fixtures.read("bundle-2cpu.json");
        assertEquals(28, two.bundle().stress().tests().size());
        assertNotNull(two.bundle().vrace());
        assertNotNull(two.bundle().sched());
        assertNull(two.bench());
        assertTrue(two.cleaned().isEmpty());
        ReadBundle bench = Fixtures.read("bundle-bench.json");
        assertEquals(29, bench.bench().ratios().size());
        assertEquals("ThreadStartJoin.virtualFromVirtual", bench.bench().ratios().get(0).subject());
        assertNotNull(bench.bench().ratios().get(0).ratioError());
    }

    @Test
    void readsAFolderAsItsBundleJson() throws Exception {
        Files.copy(Fixtures.path("bundle-1cpu.json"), tmp.resolve("bundle.json"));
        assertEquals(1, new BundleReader().read(tmp).bundle().machine().availableProcessors());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed.json      | not valid JSON at line 1",
            "truncated.json      | cut short",
            "nan-count.json      | not valid JSON",
            "infinite.json       | elapsedSeconds is not a finite number",
            "wrong-type.json     | field stress.tests[0].samples has the wrong type or value (expected a number, found a string)",
            "wrong-type-list.json| field stress.tests has the wrong type",
            "newer-schema.json   | written by a newer racelab (schema racelab.bundle/2); this racelab reads racelab.bundle/1.x",
            "unknown-schema.json | not a racelab bundle (schema 'acme.results/1'",
    })
    void refusesWithOneLine(String fixture, String expected) {
        BadBundleException e = assertThrows(BadBundleException.class,
                () -> new BundleReader().read(Fixtures.path(fixture)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains("com.fasterxml"), e.getMessage());
        assertTrue(e.getMessage().startsWith(Fixtures.path(fixture).toString()), e.getMessage());
    }

    @Test
    void acceptsANewerMinorOfTheSameMajorAndIgnoresItsNewFields() {
        assertEquals("racelab.bundle/1.7", Fixtures.read("newer-minor.json").bundle().schema());
    }

    @Test
    void cleansNegativeCountsAndSaysSo() {
        ReadBundle read = Fixtures.read("negative-counts.json");
        assertEquals(0, read.bundle().stress().tests().get(0).samples());
        assertEquals(0, read.bundle().stress().tests().get(0).outcomes().get(1).count());
        assertEquals(List.of("stress.tests[0].samples was -1, a negative count: read as 0",
                "stress.tests[0].outcomes[1].count was -5, a negative count: read as 0"), read.cleaned());
    }

    @Test
    void refusesAnOversizedFileBeforeParsingIt() throws IOException {
        Path big = tmp.resolve("bundle.json");
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i <= Limits.BUNDLE_MEGABYTES; i++) {
                out.write(spaces);
            }
        }
        BadBundleException e = assertThrows(BadBundleException.class, () -> new BundleReader().read(tmp));
        assertTrue(e.getMessage().contains("over the 32 MiB a bundle may be"), e.getMessage());
    }

    @Test
    void refusesDeepNestingAndHugeStrings() throws IOException {
        Path deep = Files.writeString(tmp.resolve("deep.json"),
                "{\"schema\":\"racelab.bundle/1\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertTrue(assertThrows(BadBundleException.class, () -> new BundleReader().read(deep))
                .getMessage().contains("refused"));
        Path longString = Files.writeString(tmp.resolve("long.json"),
                "{\"schema\":\"racelab.bundle/1\",\"command\":\"" + "x".repeat(200_000) + "\"}");
        assertTrue(assertThrows(BadBundleException.class, () -> new BundleReader().read(longString))
                .getMessage().contains("refused"));
    }

    /**
     * A bundle cut at (almost) every byte, from nothing to all but its closing brace: each copy is refused
     * with one line that says "cut short", wherever the cut falls (inside a string, a number, a
     * word such as {@code true}, an escape, a multi-byte character, or between two values).
     */
    @Test
    void aBundleCutAnywhereSaysCutShort() throws Exception {
        byte[] whole = Files.readAllBytes(Fixtures.path("negative-counts.json"));
        // a few multi-byte characters and escapes, so that cuts fall inside them too
        String text = new String(whole, java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"host\": \"", "\"host\": \"h\u00f6st-\u20ac-\\u00e9-\\\"q\\\"-");
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).contains("h\u00f6st"));
        new BundleReader().read(new java.io.ByteArrayInputStream(bytes), tmp.resolve("whole.json"));
        int last = text.lastIndexOf('}');
        int lastByte = text.substring(0, last).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        List<String> wrong = new ArrayList<>();
        BundleReader reader = new BundleReader();
        // every byte of the first 6,000 (the machine and a whole stress test: every kind of token), then every 7th
        for (int cut = 0; cut <= lastByte; cut += cut < 6_000 ? 1 : 7) {
            try {
                reader.read(new java.io.ByteArrayInputStream(bytes, 0, cut), tmp.resolve("cut.json"));
                wrong.add(cut + ": read");
            } catch (BadBundleException e) {
                if (!e.getMessage().contains("cut short") || e.getMessage().contains("\n")) {
                    wrong.add(cut + ": " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), wrong.subList(0, Math.min(5, wrong.size())), wrong.size()
                + " cuts not said to be cut short");
    }

    @Test
    void aMissingBundleIsOneLine() {
        BadBundleException e = assertThrows(BadBundleException.class, () -> new BundleReader().read(tmp));
        assertTrue(e.getMessage().startsWith("no bundle.json in "), e.getMessage());
    }

    /**
     * Every field of a real bundle removed, set to null, or given the wrong type, one at a time:
     * the reader refuses it with one line or reads it, and then every report renders. Nothing
     * else may come out (no NullPointerException, no stack trace).
     */
    @Test
    void noSingleFieldMutationBreaksTheReaderOrTheReport() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode original = json.readTree(Fixtures.path("hostile-names.json").toFile());
        List<String> paths = new ArrayList<>();
        collect(original, "", paths);
        int refused = 0;
        int rendered = 0;
        for (String p : paths) {
            for (String how : List.of("remove", "null", "text", "list")) {
                JsonNode copy = original.deepCopy();
                if (!mutate(copy, p, how)) {
                    continue;
                }
                Path file = Files.writeString(tmp.resolve("m.json"), json.writeValueAsString(copy));
                ReadBundle read;
                try {
                    read = new BundleReader().read(file);
                } catch (BadBundleException e) {
                    assertFalse(e.getMessage().contains("\n"), p + " " + how + ": " + e.getMessage());
                    refused++;
                    continue;
                }
                try {
                    ReportFiles.write(read, tmp.resolve("out"));
                } catch (RuntimeException | IOException e) {
                    throw new AssertionError(p + " " + how + " broke the report: " + e, e);
                }
                rendered++;
            }
        }
        assertTrue(refused > 50 && rendered > 50, refused + " refused, " + rendered + " rendered");
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String p = path.isEmpty() ? e.getKey() : path + "/" + e.getKey();
                out.add(p);
                collect(e.getValue(), p, out);
            }
        } else if (node.isArray()) {
            // the first element stands for the others
            if (!node.isEmpty()) {
                out.add(path + "/0");
                collect(node.get(0), path + "/0", out);
            }
        }
    }

    private static boolean mutate(JsonNode root, String path, String how) {
        int slash = path.lastIndexOf('/');
        JsonNode parent = slash < 0 ? root : root.at("/" + path.substring(0, slash));
        String last = path.substring(slash + 1);
        if (parent instanceof ObjectNode o) {
            switch (how) {
                case "remove" -> o.remove(last);
                case "null" -> o.putNull(last);
                case "text" -> o.set(last, TextNode.valueOf("<b>x</b>"));
                default -> o.set(last, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(1));
            }
            return true;
        }
        if (parent instanceof ArrayNode a) {
            int i = Integer.parseInt(last);
            switch (how) {
                case "remove" -> a.remove(i);
                case "null" -> a.set(i, (JsonNode) null);
                case "text" -> a.set(i, TextNode.valueOf("<b>x</b>"));
                default -> a.set(i, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(1));
            }
            return true;
        }
        return false;
    }
}
