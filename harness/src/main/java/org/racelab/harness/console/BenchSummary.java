package org.racelab.harness.console;

import org.racelab.harness.format.Format;
import org.racelab.harness.bundle.BenchFailure;
import org.racelab.harness.bundle.BenchRatio;
import org.racelab.harness.bundle.BenchResult;
import org.racelab.harness.bundle.BenchScore;
import org.racelab.harness.bundle.BenchSection;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bench section for a person at a terminal: per benchmark, how much cheaper or faster the
 * virtual thread (or the subject of the comparison) is, with both scores and their errors;
 * then the lost updates of the racy counter, the failures, and where JMH's own files are.
 */
public final class BenchSummary {

    private static final String ROW = "  %-52s %-26s %-20s %-20s %s%n";
    /** A headline figure whose error is a larger share of its score than this is flagged. */
    static final double NOISY = 0.10;

    private final PrintStream out;

    public BenchSummary(PrintStream out) {
        this.out = ShownText.of(out);
    }

    public void print(BenchSection s, Path folder) {
        out.println();
        out.printf(Locale.ROOT, "Bench: %s, %d CPUs, JDK %s (%s), %d of %d benchmarks measured, %.0f s%s%n",
                s.tool(), s.cpus(), s.jdkVersion(), s.vmName(), s.results().size(), s.planned(), s.elapsedSeconds(),
                s.complete() ? "" : "  (INCOMPLETE: " + s.incomplete() + ")");
        out.println("Latency = time per operation, lower is better; throughput = operations per time, higher is better.");
        out.println("Errors (+-) are JMH's 99.9% confidence half-widths; * marks a headline figure (several forks).");
        out.println();
        out.println("How much cheaper or faster is a virtual thread here?");
        out.printf(ROW, "COMPARISON (SUBJECT vs BASELINE)", "PARAMS", "SUBJECT", "BASELINE", "SUBJECT IS");
        String currentClass = null;
        for (BenchRatio r : s.ratios()) {
            String type = r.subject().substring(0, r.subject().indexOf('.'));
            if (!type.equals(currentClass)) {
                currentClass = type;
                out.println(type + "  -- " + r.kind() + ", " + r.unit());
            }
            out.printf(Locale.ROOT, ROW, (r.headline() ? "* " : "  ") + r.question(), params(r.params()),
                    score(r.subjectScore()), score(r.baselineScore()), answer(r));
        }
        List<String> noisy = s.ratios().stream().filter(BenchRatio::headline)
                .filter(r -> noisy(r.subjectScore()) || noisy(r.baselineScore()))
                .map(r -> r.question() + (r.params().isEmpty() ? "" : " " + params(r.params()))).toList();
        if (!noisy.isEmpty()) {
            out.println();
            out.println("Noisy headline figures (error above " + Math.round(NOISY * 100) + "% of the score; try --profile full"
                    + " on a quiet machine): " + String.join("; ", noisy));
        }
        forks(s);
        lostUpdates(s.results());
        if (!s.failures().isEmpty()) {
            out.println();
            out.println("Failed in JMH:");
            for (BenchFailure f : s.failures()) {
                out.println("  " + f.benchmark() + " " + params(f.params()) + ": " + f.reason());
            }
        }
        out.println();
        out.println("Results: " + folder.resolve("bundle.json")
                + (s.rawJson() == null ? "" : ", JMH's JSON: " + folder.resolve(s.rawJson()))
                + ", JMH's log: " + folder.resolve(s.rawConsole()));
    }

    /**
     * Each fork's score of every figure behind a headline, and of every bimodal one: JMH's error
     * describes the iterations of a fork, the forks show what a run on a fresh JVM gives.
     */
    private void forks(BenchSection s) {
        Set<String> headline = new LinkedHashSet<>();
        for (BenchRatio r : s.ratios()) {
            if (r.headline()) {
                headline.add(r.subject() + " " + params(r.params()));
                headline.add(r.baseline() + " " + params(r.params()));
            }
        }
        List<BenchResult> shown = s.results().stream()
                .filter(r -> r.primary().forks() != null && r.primary().forks().size() > 1)
                .filter(r -> r.primary().forksDisagree() || headline.contains(r.benchmark() + " " + params(r.params())))
                .toList();
        if (shown.isEmpty()) {
            return;
        }
        out.println();
        out.println("Forks (each a fresh JVM; BIMODAL: two forks disagree beyond their own errors, so the figure is");
        out.println("their range, not one number):");
        for (BenchResult r : shown) {
            BenchScore p = r.primary();
            String each = p.forks().stream().map(f -> sig(f.score())).collect(Collectors.joining(" | "));
            out.printf(Locale.ROOT, "  %-44s %-26s %s %s%s%n", r.benchmark(), params(r.params()), each, p.unit(),
                    p.forksDisagree() ? "   BIMODAL" : "");
        }
        List<String> bimodal = s.ratios().stream().filter(BenchRatio::headline).filter(BenchRatio::bimodal)
                .map(r -> r.question() + (r.params().isEmpty() ? "" : " " + params(r.params()))).toList();
        if (!bimodal.isEmpty()) {
            out.println("Bimodal headline figures (shown as the range their forks give): " + String.join("; ", bimodal));
        }
    }

    private void lostUpdates(List<BenchResult> results) {
        List<String> lines = results.stream()
                .filter(r -> r.secondary() != null && r.secondary().containsKey("lostUpdates")
                        && r.secondary().get("lostUpdates").score() > 0 && r.secondary().containsKey("updates"))
                .map(r -> String.format(Locale.ROOT, "  %s %s: %s of the updates lost",
                        r.benchmark(), params(r.params()),
                        percent(r.secondary().get("lostUpdates").score() / r.secondary().get("updates").score())))
                .toList();
        if (!lines.isEmpty()) {
            out.println();
            out.println("Lost updates (the racy counter's wrong answers):");
            lines.forEach(out::println);
        }
    }

    static String answer(BenchRatio r) {
        boolean throughput = r.kind().equals("throughput");
        double[] range = r.advantageRange();
        if (range != null) {
            if (range[0] >= 1 || range[1] <= 1) {
                boolean better = range[0] >= 1;
                double from = better ? range[0] : 1 / range[1];
                double to = better ? range[1] : 1 / range[0];
                return String.format(Locale.ROOT, "%s-%s %s, bimodal", times(from), times(to),
                        better ? (throughput ? "faster" : "cheaper") : (throughput ? "slower" : "dearer"));
            }
            return String.format(Locale.ROOT, "%s to %s, bimodal", times(range[0]), times(range[1]));
        }
        double adv = r.advantage();
        String error = r.advantageError() == null ? "" : String.format(Locale.ROOT, " +-%s",
                percent(r.advantageError() / adv));
        if (adv >= 1) {
            return String.format(Locale.ROOT, "%s %s%s", times(adv), throughput ? "faster" : "cheaper", error);
        }
        return String.format(Locale.ROOT, "%s %s%s", times(1 / adv), throughput ? "slower" : "dearer", error);
    }

    static String times(double x) {
        return x >= 10 ? String.format(Locale.ROOT, "%.0fx", x) : String.format(Locale.ROOT, "%.2fx", x);
    }

    static String score(BenchScore s) {
        if (s.forksDisagree()) {
            return "bimodal " + sig(s.lowestFork()) + "-" + sig(s.highestFork());
        }
        return s.error() == null ? sig(s.score()) : sig(s.score()) + " +- " + sig(s.error());
    }

    /** Three significant digits, without an exponent for the sizes benchmarks give. */
    static String sig(double v) {
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** Only a figure with an error can be noisy: a single iteration (smoke) has none. */
    private static boolean noisy(BenchScore s) {
        return s.error() != null && s.relativeError() > NOISY;
    }

    private static String percent(double share) {
        return Format.relativeError(share);
    }

    private static String params(Map<String, String> params) {
        return params.isEmpty() ? "-" : Format.params(params, ",");
    }
}
