package org.racelab.harness.report;

import org.racelab.harness.bundle.ModelSection;
import org.racelab.harness.format.Format;

import java.util.ArrayList;
import java.util.List;

/**
 * The SC model in the report, like the model column of herd's tables: for each outcome, whether
 * an interleaving gives it, and for the outcomes that teach (interesting or forbidden) the
 * interleaving that gives it, drawn, or why the hardware shows it when none does.
 */
final class Interleavings {

    private Interleavings() {
    }

    /** The SC column of one outcome row; empty when the bundle has no model of the test. */
    static String word(ModelSection.ModelResult m, ModelSection.ScOutcome o) {
        if (m == null || !m.model()) {
            return "";
        }
        if (o == null) {
            return "-";
        }
        if (o.allowed()) {
            return "an interleaving gives it";
        }
        return m.exhaustive() ? "no interleaving gives it" : "not found in " + Format.count(m.states()) + " states";
    }

    /** One line for the Markdown table: each outcome that teaches, and whether an interleaving gives it. */
    static String summary(ModelSection.ModelResult m) {
        if (m == null || !m.model()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (ModelSection.ScOutcome o : teaching(m)) {
            parts.add("[" + o.id() + "] " + m.word(o));
        }
        return String.join("; ", parts);
    }

    static List<ReportModel.Witness> witnesses(ModelSection.ModelResult m) {
        if (m == null || !m.model()) {
            return List.of();
        }
        List<ReportModel.Witness> out = new ArrayList<>();
        for (ModelSection.ScOutcome o : teaching(m)) {
            if (o.allowed() && !o.witness().isEmpty()) {
                out.add(new ReportModel.Witness("An interleaving that gives [" + o.id() + "]",
                        String.join("\n", o.witness()), ""));
            } else if (!o.allowed() && m.exhaustive()) {
                out.add(new ReportModel.Witness("No interleaving gives [" + o.id() + "]", "",
                        o.hardware() == null ? "" : "The hardware can show it all the same: " + o.hardware() + "."));
            }
        }
        return out;
    }

    private static List<ModelSection.ScOutcome> teaching(ModelSection.ModelResult m) {
        return m.outcomes().stream().filter(o -> !o.expect().equals("ACCEPTABLE")).toList();
    }
}
