package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A lab assignment checked on this machine: which assignment, what it grades and for how many
 * points, and what the JVM racelab ran the student's JUnit tests in measured. The stress and vrace
 * sections of the same bundle hold the JCStress and virtual-thread runs of its stress tests; the
 * grade is read from the bundle, never from a second record of the run.
 *
 * @param assignment the assignment's id, e.g. {@code counter}
 * @param source     where the assignment came from: {@code built-in}, or the teacher's labs folder
 * @param submission the folder (or zip or jar) that was checked
 * @param minCpus    the CPUs its stress tests need: one per actor
 * @param items      what is graded, in the assignment's order
 * @param junit      one entry per JUnit test method that ran (or was meant to)
 * @param predictions the student's predictions, for a "predict" assignment
 * @param complete   false when the JUnit run was stopped before the end
 * @param incomplete why (null when complete)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabSection(String assignment, String title, String claim, String notes, String read, String source,
                         String submission, int minCpus, List<Item> items, List<JUnitCase> junit,
                         List<Prediction> predictions, boolean complete, String incomplete) {

    public LabSection {
        assignment = Records.text(assignment);
        title = Records.text(title);
        items = Records.list(items);
        junit = Records.list(junit);
        predictions = Records.list(predictions);
    }

    public LabSection withJUnit(List<JUnitCase> cases, String problem) {
        return new LabSection(assignment, title, claim, notes, read, source, submission, minCpus, items, cases,
                predictions, problem == null, problem);
    }

    /**
     * One graded item.
     *
     * @param id      a JCStress test's binary name (kind {@code stress} or {@code predict}) or a JUnit
     *                test class (kind {@code junit}: its methods share the points)
     * @param catches the mistake it catches, in the assignment's words
     * @param model   the catalog case whose SC model shows an interleaving for its failing outcome, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String id, String kind, int points, String catches, String model) {
        public Item {
            id = Records.text(id);
            kind = Records.text(kind);
            catches = Records.text(catches);
        }
    }

    /**
     * One JUnit test method.
     *
     * @param verdict PASSED, FAILED (an assertion or an exception), ERROR (the JVM ended under it:
     *                System.exit, a crash, the time limit), NOT_RUN
     * @param message the failure, at most a few lines
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JUnitCase(String testClass, String method, Verdict verdict, String message, double seconds) {
        public JUnitCase {
            testClass = Records.text(testClass);
            method = Records.text(method);
            verdict = verdict == null ? Verdict.UNKNOWN : verdict;
        }
    }

    /** What the student predicted for one outcome: it can happen ({@code true}) or it cannot. */
    public record Prediction(String outcome, boolean possible) {
        public Prediction {
            outcome = Records.text(outcome);
        }
    }
}
