package org.racelab.harness.grade;

import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.bundle.LabSection;
import org.racelab.harness.bundle.LabSection.JUnitCase;
import org.racelab.harness.bundle.ModelSection;
import org.racelab.harness.bundle.OutcomeCount;
import org.racelab.harness.bundle.StressTestResult;
import org.racelab.harness.bundle.Verdict;
import org.racelab.harness.bundle.VraceSection;
import org.racelab.harness.format.Format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Grades a lab check from its bundle and nothing else: the lab section says what is graded and for
 * how many points; the stress, vrace and model sections and the JUnit results say what happened.
 * A stress test passes when no FORBIDDEN outcome was seen on platform threads nor on virtual
 * threads, and it finished; a JUnit class earns its points in proportion to its passing methods; a
 * prediction earns them in proportion to the outcomes predicted right.
 */
public final class Grades {

    private Grades() {
    }

    /** The grade of a lab bundle; empty when the bundle is not a lab check. */
    public static Optional<Grade> of(Bundle bundle) {
        LabSection lab = bundle.lab();
        if (lab == null) {
            return Optional.empty();
        }
        List<Grade.Row> rows = new ArrayList<>();
        for (LabSection.Item item : lab.items()) {
            rows.add(switch (item.kind()) {
                case "stress" -> stress(item, bundle);
                case "junit" -> junit(item, lab);
                case "predict" -> predict(item, bundle);
                default -> new Grade.Row(item.id(), shortName(item.id()), item.kind(), 0, item.points(), false,
                        "UNKNOWN", List.of("racelab does not know how to grade a test of kind '" + item.kind() + "'"));
            });
        }
        int score = rows.stream().mapToInt(Grade.Row::points).sum();
        int max = rows.stream().mapToInt(Grade.Row::maxPoints).sum();
        return Optional.of(new Grade(lab.assignment(), lab.title(), lab.submission(), score, max, rows,
                bundle.complete(), lab.read()));
    }

    static String shortName(String id) {
        String s = id.substring(id.lastIndexOf('.') + 1);
        return s.replace('$', '.');
    }

    /** JCStress names a nested test {@code Outer.Inner}; the assignment names its class {@code Outer$Inner}. */
    static String jcstressName(String binaryName) {
        return binaryName.replace('$', '.');
    }

    private static Grade.Row stress(LabSection.Item item, Bundle bundle) {
        String name = jcstressName(item.id());
        List<String> evidence = new ArrayList<>();
        StressTestResult r = bundle.stress() == null ? null : bundle.stress().tests().stream()
                .filter(t -> t.name().equals(name)).findFirst().orElse(null);
        boolean passed;
        String status;
        if (r == null) {
            passed = false;
            status = "NOT_RUN";
            evidence.add(bundle.stress() == null ? "not run yet"
                    : "not run: the grading test " + name + " was not found among the compiled tests");
        } else {
            status = r.verdict().name();
            passed = r.verdict() == Verdict.PASSED;
            switch (r.verdict()) {
                case PASSED -> evidence.add("no FORBIDDEN outcome in " + Format.count(r.samples())
                        + " samples on platform threads (JCStress)");
                case FAILED -> evidence.addAll(forbidden(r.outcomes(), r.samples(), "", item, bundle.model()));
                case ERROR -> evidence.add(r.reason() != null && r.reason().startsWith("TIMEOUT_ERROR")
                        ? "hang: the actors never finished (a deadlock, or a wait for a wake-up that never came); "
                        + "JCStress: " + r.reason() : "error: " + Objects.requireNonNullElse(r.reason(), "-"));
                default -> evidence.add(status.toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
                        + Objects.requireNonNullElse(r.reason(), "-"));
            }
        }
        if (bundle.vrace() != null) {
            for (VraceSection.VraceTestResult v : bundle.vrace().tests()) {
                if (!v.name().equals(name)) {
                    continue;
                }
                for (VraceSection.VraceRun run : v.runs()) {
                    String where = "on virtual threads, " + run.carriers() + (Objects.equals(run.carriers(), 1)
                            ? " carrier" : " carriers");
                    if (run.madeNoProgress()) {
                        evidence.add(where + ": " + Objects.requireNonNullElse(run.reason(), "no progress")
                                + " (not graded: a spinning actor keeps its carrier; that is virtual threads, not"
                                + " the code under test)");
                    } else if (run.verdict() == Verdict.FAILED) {
                        passed = false;
                        status = "FAILED";
                        evidence.addAll(forbidden(run.outcomes(), run.samples(), where + ": ", item, null));
                    } else if (run.verdict() == Verdict.PASSED) {
                        evidence.add(where + ": no FORBIDDEN outcome in " + Format.count(run.samples()) + " samples");
                    } else {
                        evidence.add(where + ": " + run.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                                + (run.reason() == null ? "" : ": " + run.reason()) + " (not graded)");
                    }
                }
            }
        }
        return new Grade.Row(item.id(), shortName(item.id()), "stress", passed ? item.points() : 0, item.points(),
                passed, status, evidence);
    }

    /** A line per FORBIDDEN outcome seen, and the interleaving the SC model gives for it, if it has one. */
    private static List<String> forbidden(List<OutcomeCount> outcomes, long samples, String where,
                                          LabSection.Item item, ModelSection model) {
        List<String> lines = new ArrayList<>();
        for (OutcomeCount o : outcomes) {
            if (!o.expect().equals("FORBIDDEN") || o.count() == 0) {
                continue;
            }
            lines.add(where + "FORBIDDEN outcome `" + o.id() + "` seen " + Format.count(o.count()) + " times in "
                    + Format.count(samples) + " samples: " + o.description());
            witness(model, item.model(), o.id()).ifPresent(w -> {
                lines.add("the order of steps that gives `" + o.id() + "` (racelab's SC model of "
                        + shortName(item.model()) + "):");
                w.forEach(step -> lines.add("    " + step));
            });
        }
        return lines;
    }

    private static Optional<List<String>> witness(ModelSection model, String test, String outcome) {
        if (model == null || test == null) {
            return Optional.empty();
        }
        String name = jcstressName(test);
        return model.tests().stream().filter(t -> t.name().equals(name)).findFirst()
                .flatMap(t -> t.outcomes().stream().filter(o -> o.id().equals(outcome) && o.allowed()
                        && !o.witness().isEmpty()).findFirst())
                .map(ModelSection.ScOutcome::witness);
    }

    private static Grade.Row junit(LabSection.Item item, LabSection lab) {
        List<JUnitCase> cases = lab.junit().stream().filter(c -> c.testClass().equals(item.id())).toList();
        long passed = cases.stream().filter(c -> c.verdict() == Verdict.PASSED).count();
        List<String> evidence = new ArrayList<>();
        for (JUnitCase c : cases) {
            if (c.verdict() != Verdict.PASSED) {
                evidence.add(c.method() + ": " + c.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + (c.message() == null ? "" : ": " + c.message()));
            }
        }
        int points = cases.isEmpty() ? 0 : (int) (item.points() * passed / cases.size());
        boolean all = !cases.isEmpty() && passed == cases.size();
        evidence.add(0, passed + " of " + cases.size() + " JUnit tests passed");
        return new Grade.Row(item.id(), shortName(item.id()), "junit", points, item.points(), all,
                all ? "PASSED" : cases.isEmpty() ? "NOT_RUN" : "FAILED", evidence);
    }

    private static Grade.Row predict(LabSection.Item item, Bundle bundle) {
        String name = jcstressName(item.id());
        StressTestResult run = bundle.stress() == null ? null : bundle.stress().tests().stream()
                .filter(t -> t.name().equals(name)).findFirst().orElse(null);
        ModelSection.ModelResult model = bundle.model() == null ? null : bundle.model().tests().stream()
                .filter(t -> t.name().equals(name)).findFirst().orElse(null);
        List<String> ids = new ArrayList<>();
        if (model != null) {
            model.outcomes().forEach(o -> ids.add(o.id()));
        } else if (run != null) {
            run.outcomes().forEach(o -> ids.add(o.id()));
        }
        List<String> evidence = new ArrayList<>();
        int right = 0;
        for (String id : ids) {
            String expect = expect(id, run, model);
            boolean possible = !expect.equals("FORBIDDEN");
            Optional<LabSection.Prediction> said = bundle.lab().predictions().stream()
                    .filter(p -> p.outcome().equals(id)).findFirst();
            boolean ok = said.isPresent() && said.get().possible() == possible;
            right += ok ? 1 : 0;
            StringBuilder line = new StringBuilder("`" + id + "`: ");
            line.append(said.map(p -> "you said " + (p.possible() ? "yes" : "no")).orElse("no prediction"));
            line.append(ok ? " - right. " : " - wrong. ");
            line.append(possible ? "The test's rules allow it (" + expect + ")" : "The test's rules forbid it");
            if (run != null && run.verdict().ran()) {
                long seen = run.outcomes().stream().filter(o -> o.id().equals(id)).mapToLong(OutcomeCount::count).sum();
                line.append("; this machine showed it ").append(Format.count(seen)).append(" times in ")
                        .append(Format.count(run.samples())).append(" samples");
            } else if (run != null) {
                line.append("; this machine did not run it (").append(Objects.requireNonNullElse(run.reason(), "-"))
                        .append(')');
            }
            if (model != null) {
                model.outcomes().stream().filter(o -> o.id().equals(id)).findFirst()
                        .ifPresent(o -> line.append("; SC model: ").append(model.word(o)));
            }
            evidence.add(line.toString());
        }
        int points = ids.isEmpty() ? 0 : item.points() * right / ids.size();
        boolean all = !ids.isEmpty() && right == ids.size();
        evidence.add(0, right + " of " + ids.size() + " outcomes predicted right");
        return new Grade.Row(item.id(), shortName(item.id()), "predict", points, item.points(), all,
                all ? "PASSED" : "FAILED", evidence);
    }

    private static String expect(String id, StressTestResult run, ModelSection.ModelResult model) {
        if (run != null) {
            Optional<String> e = run.outcomes().stream().filter(o -> o.id().equals(id)).map(OutcomeCount::expect)
                    .findFirst();
            if (e.isPresent() && !e.get().equals("-")) {
                return e.get();
            }
        }
        if (model != null) {
            return model.outcomes().stream().filter(o -> o.id().equals(id)).map(ModelSection.ScOutcome::expect)
                    .filter(Objects::nonNull).findFirst().orElse("ACCEPTABLE");
        }
        return "ACCEPTABLE";
    }
}
