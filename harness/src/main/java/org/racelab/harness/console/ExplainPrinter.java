package org.racelab.harness.console;

import org.racelab.harness.bundle.ModelSection;
import org.racelab.harness.bundle.OutcomeCount;
import org.racelab.harness.bundle.StressTestResult;
import org.racelab.harness.format.Format;
import org.racelab.harness.format.Texts;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code racelab explain} on a terminal: for one test, each outcome with its grading, whether an
 * interleaving gives it (and the witness), and what a run on this machine observed; then the two
 * lessons: what the hardware showed that no interleaving gives, and what interleavings allow that
 * was never seen here.
 */
public final class ExplainPrinter {

    private static final String ROW = "  %-14s %-24s %-30s %s%n";

    private final PrintStream out;

    public ExplainPrinter(PrintStream out) {
        this.out = out;
    }

    /**
     * @param observed the test's stress result in the bundle, or null when the bundle has none
     * @param source   which bundle the observations come from, for the heading
     */
    public void print(ModelSection.ModelResult m, StressTestResult observed, String source) {
        out.println(Texts.terminal(m.name()));
        out.println("  model: " + modelLine(m));
        out.println("  observed: " + (observed == null ? "nothing (" + source + ")"
                : Format.count(observed.samples()) + " samples, " + observed.verdict() + " (" + source + ")"));
        Map<String, Long> seen = observed == null ? Map.of() : observed.outcomes().stream()
                .collect(Collectors.toMap(OutcomeCount::id, OutcomeCount::count, Long::sum));
        out.printf(Locale.ROOT, ROW, "OUTCOME", "RULE", "INTERLEAVINGS (SC)", "OBSERVED HERE");
        for (ModelSection.ScOutcome o : m.outcomes()) {
            out.printf(Locale.ROOT, ROW, "[" + Texts.terminal(o.id()) + "]", o.expect(), sc(m, o),
                    observed == null ? "-" : observedText(seen.getOrDefault(o.id(), 0L), observed.samples()));
        }
        for (ModelSection.ScOutcome o : m.outcomes()) {
            if (!o.witness().isEmpty() && !o.expect().equals("ACCEPTABLE")) {
                out.println("  an interleaving that gives [" + Texts.terminal(o.id()) + "]"
                        + (o.description().isEmpty() ? "" : ", " + Texts.terminal(o.description())) + ":");
                o.witness().forEach(l -> out.println("      " + Texts.terminal(l)));
            }
        }
        lessons(m, observed, seen);
        out.println();
    }

    private static String modelLine(ModelSection.ModelResult m) {
        if (!m.model()) {
            return "none: racelab has step models for its own catalog only, so what interleavings allow "
                    + "is not known for this test";
        }
        return String.format(Locale.ROOT, "%s, %s states, %s (%.1f ms)",
                m.exhaustive() ? "exhaustive: every interleaving of " + String.join(", ", m.actors())
                        : "bounded: the search stopped at its state limit",
                Format.count(m.states()), m.schedules() == null ? "a loop makes the schedules unbounded"
                        : Format.count(m.schedules()) + " schedules", m.millis());
    }

    private static String sc(ModelSection.ModelResult m, ModelSection.ScOutcome o) {
        if (!m.model()) {
            return "no model";
        }
        if (o.allowed()) {
            return "allowed";
        }
        return m.exhaustive() ? "no interleaving gives it" : "not found in " + Format.count(m.states()) + " states";
    }

    private static String observedText(long count, long samples) {
        return count == 0 ? "never" : Format.count(count) + " (" + Format.share(count, samples) + ")";
    }

    private void lessons(ModelSection.ModelResult m, StressTestResult observed, Map<String, Long> seen) {
        if (!m.model() || observed == null) {
            return;
        }
        Function<ModelSection.ScOutcome, String> id = o -> "[" + Texts.terminal(o.id()) + "]";
        List<String> hardware = new ArrayList<>();
        List<String> rare = new ArrayList<>();
        for (ModelSection.ScOutcome o : m.outcomes()) {
            long n = seen.getOrDefault(o.id(), 0L);
            if (n > 0 && !o.allowed() && m.exhaustive()) {
                hardware.add(id.apply(o) + (o.hardware() == null ? "" : ": " + Texts.terminal(o.hardware())));
            } else if (n == 0 && o.allowed() && observed.verdict().ran()) {
                rare.add(id.apply(o));
            }
        }
        if (!hardware.isEmpty()) {
            out.println("  observed, but no interleaving gives it (the memory model at work):");
            hardware.forEach(h -> out.println("    " + h));
        }
        if (!rare.isEmpty()) {
            out.println("  allowed by interleavings, never observed here (too rare on this hardware in this run, "
                    + "or too few CPUs to show it): " + String.join(", ", rare));
        }
    }
}
