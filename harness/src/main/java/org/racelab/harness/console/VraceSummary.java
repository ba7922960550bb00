package org.racelab.harness.console;

import org.racelab.harness.format.Format;
import org.racelab.harness.bundle.Meaning;
import org.racelab.harness.bundle.Verdict;
import org.racelab.harness.bundle.StressFork;
import org.racelab.harness.bundle.StressSection;
import org.racelab.harness.bundle.StressTestResult;
import org.racelab.harness.bundle.VraceSection;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The vrace section for a person: per variant, whether its race showed on platform threads and
 * on virtual threads for each carrier count, and how fast each configuration sampled.
 */
public final class VraceSummary {

    private final PrintStream out;

    public VraceSummary(PrintStream out) {
        this.out = ShownText.of(out);
    }

    public void print(VraceSection s, StressSection stress) {
        out.println();
        out.printf(Locale.ROOT, "Vrace: the same tests with their actors on %s, %d ms each, %d CPUs, %.0f s%s%n",
                String.join(" and ", s.threads()) + " threads", s.budgetMillis(), s.cpus(), s.elapsedSeconds(),
                s.complete() ? "" : "  (INCOMPLETE: " + s.incomplete() + ")");
        out.println("Each cell: race seen (share of samples) or 'never', then samples per second. The race is the lesson's"
                + " (kind racy, fixed); for a test without a lesson (kind jcstress) it is JCStress's meaning: the"
                + " share of its ACCEPTABLE_INTERESTING outcomes, with their ids.");
        out.println();
        if (s.tests().isEmpty()) {
            return;
        }
        List<String> headers = new ArrayList<>();
        for (VraceSection.VraceRun r : s.tests().get(0).runs()) {
            headers.add(r.carriers() == null ? r.threads().toUpperCase(Locale.ROOT)
                    : "VIRTUAL, " + r.carriers() + (r.carriers() == 1 ? " CARRIER" : " CARRIERS"));
        }
        StringBuilder row = new StringBuilder("  %-24s %-8s");
        headers.forEach(h -> row.append(" %-26s"));
        String format = row.append("%n").toString();
        List<Object> head = new ArrayList<>(List.of("CASE / VARIANT", "KIND"));
        head.addAll(headers);
        out.printf(format, head.toArray());
        String currentCase = null;
        for (VraceSection.VraceTestResult t : s.tests()) {
            if (!Objects.equals(currentCase, t.caseName())) {
                currentCase = t.caseName();
                out.println(currentCase);
            }
            List<Object> cells = new ArrayList<>(List.of(t.variant(), t.kind()));
            t.runs().forEach(r -> cells.add(cell(r, t.meaning())));
            out.printf(format, cells.toArray());
        }
        out.println();
        problems(s).forEach(out::println);
        speed(s, stress).ifPresent(out::println);
    }

    static String cell(VraceSection.VraceRun r, String meaning) {
        if (r.madeNoProgress()) {
            return "NO PROGRESS";
        }
        if (r.verdict() != Verdict.PASSED) {
            return r.verdict().name();
        }
        String rate = rate(r.samplesPerSecond());
        if (r.raceObserved() == null) {
            return rate;
        }
        if (!r.raceObserved()) {
            return "never  " + rate;
        }
        double share = r.samples() == 0 ? 0 : 100.0 * r.raceSamples() / r.samples();
        return Format.percent(share) + (Meaning.INTERESTING.equals(meaning)
                ? " [" + StressOverview.ids(r.outcomes()) + "]" : "") + "  " + rate;
    }

    private static List<String> problems(VraceSection s) {
        List<String> lines = new ArrayList<>();
        for (VraceSection.VraceTestResult t : s.tests()) {
            for (VraceSection.VraceRun r : t.runs()) {
                if (r.verdict() != Verdict.PASSED && r.reason() != null) {
                    lines.add(r.verdict() + " " + t.caseName() + "." + t.variant() + ": " + r.reason());
                }
            }
        }
        return lines.stream().distinct().toList();
    }

    /** The lost update's sampling rate here, beside JCStress's own on the same test in the same run. */
    private static Optional<String> speed(VraceSection s, StressSection stress) {
        Optional<VraceSection.VraceTestResult> lost = s.tests().stream()
                .filter(t -> t.name().endsWith("LostUpdate.Plain")).findFirst();
        if (lost.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder("Sampling rate, lost update (Plain):");
        for (VraceSection.VraceRun r : lost.get().runs()) {
            sb.append(' ').append(r.threads()).append(r.carriers() == null ? "" : " x" + r.carriers())
                    .append(' ').append(rate(r.samplesPerSecond())).append(';');
        }
        if (stress != null) {
            stress.tests().stream().filter(t -> t.name().equals(lost.get().name())).findFirst()
                    .flatMap(VraceSummary::jcstressRate)
                    .ifPresent(rate -> sb.append(" JCStress ").append(rate(rate)).append(" (same test, this run)"));
        }
        return Optional.of(sb.toString());
    }

    /** JCStress's rate while sampling: samples over the time its iterations were given, summed over forks. */
    static Optional<Double> jcstressRate(StressTestResult t) {
        long samples = t.configs().stream().mapToLong(StressFork::samples).sum();
        long millis = t.configs().stream().mapToLong(StressFork::sampleMillis).sum();
        return millis == 0 ? Optional.empty() : Optional.of(samples * 1000.0 / millis);
    }

    public static String rate(double perSecond) {
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM/s", perSecond / 1e6);
        }
        if (perSecond >= 1e3) {
            return String.format(Locale.ROOT, "%.0fk/s", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f/s", perSecond);
    }
}
