package org.racelab.harness.catalog;

import org.openjdk.jcstress.util.TestLineReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads JCStress's {@code META-INF/TestList}: the list its annotation processor writes of every
 * test, with the test's actors and its {@code @Outcome} rules, exactly as JCStress grades by them.
 * The line format is JCStress's own ({@link TestLineReader}); a line it cannot read makes the
 * whole list unreadable, since a half-read suite would be graded wrongly.
 */
final class TestListReader {

    private TestListReader() {
    }

    static List<StressTest> read(BufferedReader reader, String where) throws IOException, CatalogException {
        Expectation[] expectations = Expectation.values();
        List<StressTest> tests = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
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
