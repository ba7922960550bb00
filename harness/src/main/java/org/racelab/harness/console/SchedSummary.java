package org.racelab.harness.console;

import org.racelab.harness.format.Format;
import org.racelab.harness.bundle.SchedCarriers;
import org.racelab.harness.bundle.SchedFootprint;
import org.racelab.harness.bundle.SchedPreemption;
import org.racelab.harness.bundle.SchedSection;
import org.racelab.harness.bundle.SchedTimeslice;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sched section for a person at a terminal: a few lines per experiment with the figure that
 * answers the notes' claim, then what was missing.
 */
public final class SchedSummary {

    private static final String INDENT = "              ";

    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);

    private SchedSummary() {
    }

    /** The section's figures, a few lines per experiment, as the terminal and the report show them. */
    public static List<String> lines(SchedSection s) {
        SchedSummary summary = new SchedSummary();
        summary.write(s);
        summary.out.flush();
        return summary.text.toString().lines().toList();
    }

    /** The figures, then where the bundle is. */
    public static void print(SchedSection s, Path folder, PrintStream terminal) {
        PrintStream out = ShownText.of(terminal);
        out.println();
        lines(s).forEach(out::println);
        out.println("Results: " + folder.resolve("bundle.json"));
    }

    private void write(SchedSection s) {
        out.printf(Locale.ROOT, "Sched: %s on %d CPUs, %.0f s%s%n", String.join(", ", s.experiments()), s.cpus(),
                s.elapsedSeconds(), s.complete() ? "" : "  (INCOMPLETE: " + String.join("; ", s.incomplete()) + ")");
        if (s.timeslice() != null) {
            timeslice(s.timeslice());
        }
        if (s.carriers() != null) {
            carriers(s.carriers());
        }
        if (s.preemption() != null) {
            preemption(s.preemption());
        }
        if (s.footprint() != null) {
            footprint(s.footprint());
        }
        for (String m : s.missing()) {
            out.println("  missing:    " + m);
        }
    }

    private void timeslice(SchedTimeslice t) {
        out.printf(Locale.ROOT, "  timeslice   %d busy threads on %d CPUs for %s s: median uninterrupted run %s ms "
                        + "(p10 %s, p90 %s; %,d runs), %.0f switches/s%n", t.threads(), t.cpus(), num(t.seconds()),
                num(t.medianMillis()), num(t.p10Millis()), num(t.p90Millis()), t.runs(), t.switchesPerSecond());
        String kernel = t.kernel().isEmpty() ? "not readable (see missing)" : t.kernel().stream()
                .map(k -> k.name() + " " + num(k.millis()) + " ms").collect(Collectors.joining(", "));
        out.printf(Locale.ROOT, "%sthe notes say 20 ms: the median is %s; kernel setting: %s%n", INDENT,
                t.medianMillis() < t.notesClaimMillis() ? num(t.notesClaimMillis() / t.medianMillis()) + "x shorter"
                        : num(t.medianMillis() / t.notesClaimMillis()) + "x longer", kernel);
        SchedTimeslice.SwitchCheck c = t.switchCheck();
        if (c != null && c.nonvoluntarySwitches() != null) {
            out.printf(Locale.ROOT, "%sthe kernel counted %,d involuntary switches (%,d voluntary) for the %,d gaps seen%n",
                    INDENT, c.nonvoluntarySwitches(), c.voluntarySwitches(), c.gaps());
        }
    }

    private void carriers(SchedCarriers c) {
        List<String> parts = new ArrayList<>();
        for (SchedCarriers.CarrierRun r : c.runs()) {
            parts.add(String.format(Locale.ROOT, "%d carrier%s: ran on %d, %d of %d threads moved between carriers, %s ms",
                    r.carriers(), r.carriers() == 1 ? "" : "s", r.carrierNames().size(), r.movedThreads(),
                    c.virtualThreads(), num(r.elapsedMillis())));
        }
        out.printf(Locale.ROOT, "  carriers    %d virtual threads x %d rounds of %s ms compute + %s ms blocked%n",
                c.virtualThreads(), c.rounds(), num(c.computeMillis()), num(c.blockMillis()));
        parts.forEach(p -> out.println(INDENT + p));
    }

    private void preemption(SchedPreemption p) {
        out.printf(Locale.ROOT, "  preemption  %d CPU-bound threads, about %s ms of work each%n", p.threads(),
                num(p.workMillis()));
        for (SchedPreemption.PreemptionRun r : p.runs()) {
            String who = r.kind().equals("platform") ? "platform threads on " + r.cpus() + " CPUs"
                    : "virtual threads on " + r.carriers() + " carrier" + (r.carriers() == 1 ? "" : "s");
            String how = r.maxInFlight() == r.spans().size() ? "all " + r.maxInFlight() + " progressed at once"
                    : r.maxInFlight() == 1 ? "one at a time: each started only when the one before had finished"
                    : "at most " + r.maxInFlight() + " at once: the rest waited for one to finish";
            out.printf(Locale.ROOT, "%s%-30s %s (%s ms)%n", INDENT, who + ":", how, num(r.elapsedMillis()));
        }
    }

    private void footprint(SchedFootprint f) {
        out.printf(Locale.ROOT, "  footprint   %,d parked threads of each kind asked for%n", f.requested());
        for (SchedFootprint.FootprintRun r : f.runs()) {
            out.printf(Locale.ROOT, "%s%-9s %,d started in %s ms; per thread: %s RSS, %s heap%s%n", INDENT, r.kind(),
                    r.reached(), num(r.startAllMillis()),
                    r.rssBytesPerThread() == null ? "-" : kib(r.rssBytesPerThread()), kib(r.heapBytesPerThread()),
                    r.stoppedBy() == null ? "" : " (" + r.stoppedBy() + ")");
        }
    }

    private static String kib(double bytes) {
        return Format.kib(bytes);
    }

    private static String num(double v) {
        return Format.figure(v);
    }
}
