package org.racelab.harness.bundle;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code bundle.json} as what it is: a file from someone else's machine. It refuses,
 * with one line, a file over {@value Limits#BUNDLE_MEGABYTES} MiB or past another of the
 * {@link Limits} (tokens, tests per section, depth, string length), one that is not JSON or is
 * cut short (wherever it is cut), one that is not a racelab bundle or has a schema major other
 * than this racelab's, a number that is not finite, and a field of the wrong type (no string
 * for a number, no fraction for a count, no null for a number). A negative count is cleaned to
 * 0, and two tests of one name are both kept; each is said. Unknown fields are ignored: a newer
 * racelab of the same schema major may add some.
 */
public final class BundleReader {

    private static final int MAX_BYTES = Limits.BUNDLE_MEGABYTES * 1024 * 1024;

    private static final Pattern SCHEMA = Pattern.compile("racelab\\.bundle/(\\d{1,4})(?:\\.(\\d{1,4}))?");
    private static final int MAJOR = major(Bundle.SCHEMA);

    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public BundleReader() {
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(Limits.DEPTH).maxStringLength(Limits.STRING_CHARS)
                .maxNumberLength(Limits.NUMBER_DIGITS).maxTokenCount(Limits.TOKENS).build());
    }

    /** Reads {@code bundle.json} in a run folder, or the file itself when given one. */
    public ReadBundle read(Path folderOrFile) throws BadBundleException {
        Path file = Files.isDirectory(folderOrFile) ? folderOrFile.resolve(BundleWriter.FILE) : folderOrFile;
        if (!Files.isRegularFile(file)) {
            throw new BadBundleException(Files.isDirectory(folderOrFile)
                    ? "no " + BundleWriter.FILE + " in " + folderOrFile + " (is it a racelab run folder?)"
                    : "no such bundle: " + folderOrFile);
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new BadBundleException(String.format(Locale.ROOT, "%s: %.1f MiB is over the %d MiB a bundle may be",
                        file, size / 1048576.0, Limits.BUNDLE_MEGABYTES));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, file);
            }
        } catch (IOException e) {
            throw new BadBundleException(file + ": cannot read it: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /** Reads a bundle from a stream that holds at most {@value Limits#BUNDLE_MEGABYTES} MiB; {@code file} names it in messages. */
    ReadBundle read(InputStream in, Path file) throws BadBundleException, IOException {
        String where = file.toString();
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new BadBundleException(where + ": over the " + Limits.BUNDLE_MEGABYTES + " MiB a bundle may be");
        }
        JsonNode root = parse(bytes, where);
        if (root == null || !root.isObject()) {
            throw new BadBundleException(where + (root == null ? ": empty: cut short (a truncated copy, or a run"
                    + " still writing it?)" : ": not a racelab bundle (no JSON object)"));
        }
        checkSchema((ObjectNode) root, where);
        checkTests(root, "stress", where);
        checkTests(root, "vrace", where);
        List<String> cleaned = new ArrayList<>();
        new BundleCleaner(where, cleaned).clean(root, "");
        Bundle bundle = map(root, Bundle.class, where);
        return new ReadBundle(bundle, file, cleaned);
    }

    private JsonNode parse(byte[] bytes, String where) throws BadBundleException, IOException {
        try (JsonParser parser = json.getFactory().createParser(bytes)) {
            JsonNode root = json.readTree(parser);
            if (parser.nextToken() != null) {
                throw new BadBundleException(where + ": more than one JSON value (is it a bundle.json?)");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new BadBundleException(where + ": refused: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            if (e instanceof JsonEOFException || isCutShort(bytes)) {
                throw new BadBundleException(where + ": cut short" + at(e.getLocation())
                        + " (a truncated copy, or a run still writing it?)");
            }
            throw new BadBundleException(where + ": not valid JSON" + at(e.getLocation()) + ": "
                    + firstLine(e.getOriginalMessage()));
        }
    }

    /**
     * Whether the bytes are the start of a JSON value that goes on: Jackson's non-blocking parser,
     * fed them without being told the input has ended, reads them all and asks for more. So a file
     * cut inside a word ({@code tru}), a number, a string, an escape or a character, or between two
     * values, is "cut short", and one that is wrong before its end is "not valid JSON".
     */
    private boolean isCutShort(byte[] bytes) {
        try (JsonParser p = json.getFactory().createNonBlockingByteArrayParser()) {
            ((ByteArrayFeeder) p.getNonBlockingInputFeeder()).feedInput(bytes, 0, bytes.length);
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.NOT_AVAILABLE) {
                if (t == null) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A section with more tests than {@link Limits#TESTS} is refused before it is typed. */
    private static void checkTests(JsonNode root, String section, String where) throws BadBundleException {
        JsonNode tests = root.path(section).path("tests");
        if (tests.isArray() && tests.size() > Limits.TESTS) {
            throw new BadBundleException(String.format(Locale.ROOT,
                    "%s: refused: %,d tests in %s.tests; racelab reads at most %,d per section", where,
                    tests.size(), section, Limits.TESTS));
        }
    }

    private static void checkSchema(ObjectNode root, String where) throws BadBundleException {
        JsonNode schema = root.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new BadBundleException(where + ": not a racelab bundle (no \"schema\" field)");
        }
        String s = schema.asText();
        Matcher m = SCHEMA.matcher(s);
        if (!m.matches()) {
            throw new BadBundleException(where + ": not a racelab bundle (schema '" + Records.clip((s), 60)
                    + "'; this racelab reads " + Bundle.SCHEMA + ")");
        }
        int major = Integer.parseInt(m.group(1));
        if (major > MAJOR) {
            throw new BadBundleException(where + ": written by a newer racelab (schema " + s + "); this racelab "
                    + "reads racelab.bundle/" + MAJOR + ".x: update racelab to read it");
        }
        if (major < MAJOR) {
            throw new BadBundleException(where + ": schema " + s + " is older than any racelab release reads "
                    + "(this racelab reads racelab.bundle/" + MAJOR + ".x)");
        }
    }

    private <T> T map(JsonNode node, Class<T> type, String where) throws BadBundleException {
        try {
            return json.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw new BadBundleException(where + ": field " + path(e) + " has the wrong type or value ("
                    + problem(e) + ")");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BadBundleException(where + ": cannot be read as a bundle: " + firstLine(e.getMessage()));
        }
    }

    static int major(String schema) {
        Matcher m = SCHEMA.matcher(schema);
        if (!m.matches()) {
            throw new IllegalStateException(schema);
        }
        return Integer.parseInt(m.group(1));
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(Records.clip((r.getFieldName()), 40));
            }
        }
        return sb.isEmpty() ? "(top level)" : sb.toString();
    }

    /** Jackson's message names Java types; the user needs only the gist. */
    private static String problem(JsonMappingException e) {
        String m = firstLine(e.getOriginalMessage());
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi && mi.getTargetType() != null) {
            return "expected " + expected(mi.getTargetType()) + ", found " + found(m);
        }
        if (m.contains("Cannot coerce") || m.contains("Cannot deserialize value of type")) {
            Matcher type = Pattern.compile("type `([^`]+)`").matcher(m);
            String wanted = type.find() ? type.group(1) : "another type";
            return "expected " + wanted.replaceAll(".*\\.", "").replace("$", ".") + ", found " + found(m);
        }
        if (m.contains("null")) {
            return "null where a value is required";
        }
        return Records.clip((m), 120);
    }

    private static String expected(Class<?> type) {
        if (type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true/false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String found(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("string")) {
            return "a string";
        }
        if (m.contains("floating-point") || m.contains("float")) {
            return "a fraction";
        }
        if (m.contains("array")) {
            return "a list";
        }
        if (m.contains("object")) {
            return "an object";
        }
        if (m.contains("boolean")) {
            return "true/false";
        }
        return "something else";
    }

    private static String at(JsonLocation l) {
        return l == null || l.getLineNr() < 0 ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return Records.clip((nl < 0 ? s : s.substring(0, nl)), 160);
    }
}
