package org.racelab.harness.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * Makes large bundles for the bounds' tests, written as they are made (never whole in memory):
 * the machine of a real bundle ({@code bundle-2cpu.json}), then a stress section of many copies
 * of its first test, each a case of its own, until a count or a size is reached.
 */
public final class BigBundle {

    private final ObjectMapper json = Json.mapper();
    private final ObjectNode head;
    private final ObjectNode test;

    public BigBundle() {
        ObjectNode b = Fixtures.tree("bundle-2cpu.json");
        test = (ObjectNode) b.at("/stress/tests/0").deepCopy();
        b.remove("vrace");
        b.remove("sched");
        ((ObjectNode) b.get("stress")).putArray("tests");
        head = b;
    }

    /** The template test, to change before {@link #write}: e.g. give it many outcomes. */
    public ObjectNode test() {
        return test;
    }

    /**
     * Writes a bundle of at most {@code tests} tests and at most {@code maxBytes} bytes as
     * {@code dir/bundle.json}; {@code change} may change test i (as {@link #test()}) before it is
     * written. Returns the number of tests written.
     */
    public int write(Path dir, int tests, long maxBytes, BiConsumer<Integer, ObjectNode> change) {
        try {
            Files.createDirectories(dir);
            String whole = json.writeValueAsString(head);
            // everything before and after the empty "tests": [] of the stress section
            int at = whole.indexOf("\"tests\":[]") + "\"tests\":[".length();
            String before = whole.substring(0, at);
            String after = whole.substring(at);
            long size = before.length() + after.length();
            int n = 0;
            try (Writer w = Files.newBufferedWriter(dir.resolve(BundleWriter.FILE), StandardCharsets.UTF_8)) {
                w.write(before);
                for (; n < tests; n++) {
                    ObjectNode t = test.deepCopy();
                    t.put("name", String.format("org.example.big.Case%06d.Variant", n));
                    t.put("caseName", String.format("Case%06d", n));
                    change.accept(n, t);
                    String s = (n == 0 ? "" : ",") + json.writeValueAsString(t);
                    if (size + s.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
                        break;
                    }
                    w.write(s);
                    size += s.getBytes(StandardCharsets.UTF_8).length;
                }
                w.write(after);
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} outcomes for the template test, with ids and descriptions of some length. */
    public static ArrayNode outcomes(int count) {
        ArrayNode a = Json.mapper().createArrayNode();
        for (int i = 0; i < count; i++) {
            a.addObject().put("id", i + ", " + (i * 7 % 13)).put("count", 1 + i % 1000)
                    .put("expect", i % 10 == 0 ? "ACCEPTABLE_INTERESTING" : "ACCEPTABLE")
                    .put("description", "outcome " + i);
        }
        return a;
    }
}
