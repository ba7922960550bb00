package org.racelab.harness.console;

import org.racelab.harness.bundle.Meaning;
import org.racelab.harness.bundle.OutcomeCount;
import org.racelab.harness.bundle.StressTestResult;
import org.racelab.harness.bundle.Verdict;
import org.racelab.harness.format.Format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A stress section in the order a reader of a large suite needs it, as JCStress's own index
 * orders it: the tests that failed or errored first (each with its reason), then those where a
 * race or an interesting outcome was seen (the largest share first), then the rest. The terminal
 * summary and the report both take this order from here.
 *
 * @param failed FAILED, ERROR or an unknown verdict, in the section's order
 * @param seen   the others where a race (a lesson's) or an interesting outcome (JCStress's) was seen
 * @param rest   everything else: passed with nothing seen, skipped, not run
 */
public record StressOverview(List<StressTestResult> failed, List<StressTestResult> seen, List<StressTestResult> rest) {

    public static StressOverview of(List<StressTestResult> tests) {
        List<StressTestResult> failed = new ArrayList<>();
        List<StressTestResult> seen = new ArrayList<>();
        List<StressTestResult> rest = new ArrayList<>();
        for (StressTestResult t : tests) {
            if (t.verdict().failed()) {
                failed.add(t);
            } else if (Boolean.TRUE.equals(t.raceObserved())) {
                seen.add(t);
            } else {
                rest.add(t);
            }
        }
        seen.sort(Comparator.comparingDouble(StressOverview::share).reversed());
        return new StressOverview(List.copyOf(failed), List.copyOf(seen), List.copyOf(rest));
    }

    /** The share of samples that showed the race (or an interesting outcome), in percent. */
    public static double share(StressTestResult t) {
        long race = t.raceSamples() == null ? 0 : t.raceSamples();
        return t.samples() == 0 ? 0 : 100.0 * race / t.samples();
    }

    /**
     * What was seen, in words that name the meaning: {@code race 24.3% [1]} for a lesson's race,
     * {@code interesting 49% [0, 0]} for JCStress's; {@code race never}, {@code interesting never};
     * {@code (no race to show)} for a case without one, {@code (none graded interesting)} for a test
     * without a lesson whose rules grade no outcome ACCEPTABLE_INTERESTING.
     */
    public static String seenText(StressTestResult t) {
        if (t.raceObserved() == null) {
            if ("no-race".equals(t.kind())) {
                return "(no race to show)";
            }
            return t.lesson() == null ? "(none graded interesting)" : "-";
        }
        String word = Meaning.word(t.meaning());
        if (!t.raceObserved()) {
            return word + " never";
        }
        return word + " " + Format.percent(share(t)) + " [" + ids(t.outcomes()) + "]";
    }

    /** The ids of the marked outcomes seen, "0, 0 | 1, 1". */
    public static String ids(List<OutcomeCount> outcomes) {
        return Meaning.seen(outcomes).stream().map(OutcomeCount::id).collect(Collectors.joining(" | "));
    }

    /**
     * Each interesting outcome seen, with its share and JCStress's description of it:
     * {@code [0, 0] 49%: Both actors missed the other's write}. Empty for a lesson's race (the
     * lesson's claim says it).
     */
    public static List<String> interestingLines(StressTestResult t) {
        if (!Meaning.INTERESTING.equals(t.meaning())) {
            return List.of();
        }
        return Meaning.seen(t.outcomes()).stream()
                .map(o -> "[" + o.id() + "] " + Format.share(o.count(), t.samples())
                        + (o.description().isBlank() || "-".equals(o.description()) ? "" : ": " + o.description()))
                .toList();
    }

    /**
     * One sentence on what was seen under a meaning, for junit.xml and the report: each marked
     * outcome seen with its count, share and description, or "never seen", and which meaning it
     * is ({@code withSource}). Null when the test has no meaning or its outcomes carry no mark (an older bundle's fork).
     */
    public static String seenSentence(String meaning, List<OutcomeCount> outcomes, long samples, boolean withSource) {
        List<OutcomeCount> marked = Meaning.marked(outcomes);
        if (meaning == null || marked.isEmpty()) {
            return null;
        }
        String word = Meaning.word(meaning);
        String source = !withSource ? "" : ". Meaning: " + Meaning.source(meaning) + ": "
                + marked.stream().map(o -> "[" + o.id() + "]").collect(Collectors.joining(" ")) + ".";
        List<OutcomeCount> seen = Meaning.seen(outcomes);
        if (seen.isEmpty()) {
            return word + " never seen in " + Format.count(samples) + " samples" + source;
        }
        return word + " seen: " + seen.stream().map(o -> "[" + o.id() + "] " + Format.count(o.count()) + " of "
                + Format.count(samples) + " samples (" + Format.share(o.count(), samples) + ")"
                + (o.description().isBlank() || "-".equals(o.description()) ? ""
                        : ", " + o.description().strip().replaceAll("[.]+$", "")))
                .collect(Collectors.joining("; ")) + source;
    }

    /** The reason of a failed test: its reason, or the FORBIDDEN outcomes it saw. */
    public static String reason(StressTestResult t) {
        List<OutcomeCount> forbidden = t.outcomes().stream()
                .filter(o -> "FORBIDDEN".equals(o.expect()) && o.count() > 0).toList();
        if (t.reason() != null) {
            return t.reason();
        }
        return forbidden.isEmpty() ? "no reason given" : forbidden.size() + " FORBIDDEN outcome"
                + (forbidden.size() == 1 ? "" : "s") + " seen";
    }

    /** The rest, counted: "812 passed with nothing seen; 11 skipped (needs 4 CPUs ...: 11)". */
    public String restText() {
        long quiet = rest.stream().filter(t -> t.verdict() == Verdict.PASSED).count();
        Map<String, Long> notRun = new TreeMap<>();
        rest.stream().filter(t -> t.verdict() != Verdict.PASSED).forEach(t -> notRun.merge(
                t.verdict() + (t.reason() == null ? "" : ": " + t.reason()), 1L, Long::sum));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%,d passed with nothing seen", quiet));
        notRun.forEach((why, n) -> sb.append(String.format(Locale.ROOT, "; %,d %s", n, why)));
        return sb.toString();
    }
}
