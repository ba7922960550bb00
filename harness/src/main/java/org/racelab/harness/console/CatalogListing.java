package org.racelab.harness.console;

import org.racelab.harness.bundle.Meaning;
import org.racelab.harness.catalog.Expectation;
import org.racelab.harness.catalog.LessonInfo;
import org.racelab.harness.catalog.OutcomeRule;
import org.racelab.harness.catalog.StressTest;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code racelab list}: the catalog grouped by case, each with its lesson and variants. */
public final class CatalogListing {

    private final PrintStream out;

    public CatalogListing(PrintStream out) {
        this.out = ShownText.of(out);
    }

    public void print(List<StressTest> tests) {
        Map<String, List<StressTest>> byCase = new LinkedHashMap<>();
        for (StressTest t : tests) {
            String key = t.binaryName().contains("$") ? t.binaryName().substring(0, t.binaryName().indexOf('$'))
                    : t.binaryName();
            byCase.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(t);
        }
        for (List<StressTest> variants : byCase.values()) {
            StressTest first = variants.get(0);
            LessonInfo lesson = first.lesson().orElse(null);
            out.println(first.caseName() + (lesson == null ? "" : "  [" + lesson.topic() + "]"));
            if (lesson != null) {
                out.println("  notes: \"" + lesson.notes() + "\"");
                out.println("  claim: " + lesson.claim());
                out.println("  race:  " + (lesson.race().isEmpty() ? "none (nothing is shared)"
                        : String.join(" | ", lesson.race())));
            }
            for (StressTest v : variants) {
                String seenOn = v.lesson().map(LessonInfo::observableOn).filter(l -> !l.isEmpty())
                        .map(l -> "seen on " + String.join(", ", l)).orElse("");
                out.printf("    %-24s %-8s %d actors  %s%n", v.variant(), v.raceKind().word(), v.actors(),
                        Objects.requireNonNullElse(seenOn, ""));
                if (v.lesson().isEmpty()) {
                    interesting(v);
                }
            }
            out.println();
        }
        out.println(tests.size() + " tests in " + byCase.size() + " cases.");
    }

    /** A test without a lesson: its description, and the outcomes JCStress grades interesting (its meaning of "seen"). */
    private void interesting(StressTest v) {
        if (v.describedAs() != null) {
            out.println("      " + v.describedAs());
        }
        List<OutcomeRule> rules = Meaning.INTERESTING.equals(v.meaning())
                ? v.rules().stream().filter(r -> r.expect() == Expectation.ACCEPTABLE_INTERESTING).toList() : List.of();
        if (rules.isEmpty()) {
            out.println("      interesting (JCStress's meaning, no lesson): none graded ACCEPTABLE_INTERESTING");
        }
        for (OutcomeRule r : rules) {
            out.println("      interesting (JCStress's meaning, no lesson): ["
                    + (r.isDefault() ? "any other outcome" : r.id()) + "]"
                    + (r.description().isBlank() ? "" : " " + r.description()));
        }
    }
}
