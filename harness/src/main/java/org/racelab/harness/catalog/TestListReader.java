package org.racelab.harness.catalog;

import org.openjdk.jcstress.util.TestLineReader;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads JCStress's {@code META-INF/TestList}: the list its annotation processor writes of every
 * test, with the test's actors and its {@code @Outcome} rules, exactly as JCStress grades by them.
 * The line format is JCStress's own ({@link TestLineReader}); a line it cannot read makes the
 * whole list unreadable, since a half-read suite would be graded wrongly.
 *
 * <p>A tests jar is untrusted input: a few MB of jar can hold a TestList of gigabytes, one line
 * long. So racelab reads at most {@link #MAX_BYTES} of it, uncompressed, and lines of at most
 * {@link #MAX_LINE_CHARS} characters, and refuses anything bigger in one line, before it holds
 * more than that in memory.
 */
final class TestListReader {

    /**
     * The largest TestList read, uncompressed: 16 MiB. racelab's own is 11 KB for 27 tests (about
     * 410 bytes a test), so this is room for some 40,000 tests.
     */
    static final int MAX_BYTES = 16 * 1024 * 1024;
    /** The longest line read: 64 Ki characters. racelab's longest is 514 (a test with its outcomes). */
    static final int MAX_LINE_CHARS = 64 * 1024;

    private TestListReader() {
    }

    /** Reads a TestList from a stream (a jar's entry or a file), refusing one over the limits. */
    static List<StressTest> read(InputStream in, String where) throws IOException, CatalogException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new CatalogException("refused " + where + ": its META-INF/TestList is over the "
                    + MAX_BYTES / (1024 * 1024) + " MiB racelab reads, uncompressed (is it a JCStress tests jar?)");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8))) {
            return read(r, where);
        }
    }

    private static List<StressTest> read(BufferedReader reader, String where) throws IOException, CatalogException {
        Expectation[] expectations = Expectation.values();
        List<StressTest> tests = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.length() > MAX_LINE_CHARS) {
                throw new CatalogException("refused " + where + ": line " + lineNo + " of its META-INF/TestList has "
                        + line.length() + " characters, over the " + MAX_LINE_CHARS + " racelab reads");
            }
            if (line.isBlank()) {
                continue;
            }
            TestLineReader read = new TestLineReader(line);
            if (!read.isCorrect()) {
                throw new CatalogException("malformed META-INF/TestList in " + where + " (line " + lineNo + ")");
            }
            try {
                tests.add(readTest(read, expectations));
            } catch (RuntimeException e) {
                throw new CatalogException("malformed META-INF/TestList in " + where + " (line " + lineNo
                        + "); was it written by JCStress 0.16?");
            }
        }
        return tests;
    }

    private static StressTest readTest(TestLineReader read, Expectation[] expectations) {
        String name = read.nextString();
        String binaryName = read.nextString();
        read.nextString(); // the generated runner class: JCStress's business
        String description = read.nextString();
        int actorCount = read.nextInt();
        List<String> actorNames = new ArrayList<>();
        for (int i = 0; i < actorCount; i++) {
            actorNames.add(read.nextString());
        }
        read.nextBoolean(); // requires fork
        List<OutcomeRule> rules = new ArrayList<>();
        OutcomeRule defaultRule = null;
        int caseCount = read.nextInt();
        for (int c = 0; c < caseCount; c++) {
            Expectation expect = expectations[read.nextInt()];
            String desc = read.nextString();
            int ids = read.nextInt();
            for (int s = 0; s < ids; s++) {
                OutcomeRule rule = new OutcomeRule(read.nextString(), expect, "null".equals(desc) ? "" : desc);
                if (rule.isDefault()) {
                    defaultRule = rule;
                } else {
                    rules.add(rule);
                }
            }
        }
        if (defaultRule != null) {
            rules.add(defaultRule);
        }
        return new StressTest(name, binaryName, "null".equals(description) ? "" : description,
                actorNames, rules, Optional.empty());
    }
}
