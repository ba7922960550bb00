package org.racelab.harness.grade;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One submission of a class's batch: its grade, or why it has none.
 *
 * @param status   {@code graded}, or what kept it from a grade: {@code does-not-compile}, {@code hang},
 *                 {@code flood}, {@code bad-submission}, {@code cannot-grade}, {@code crashed}
 * @param tests    the grade's rows (empty when it has none)
 * @param problem  one line: why it has no grade, or what cut its run short
 * @param bundle   its bundle, relative to the batch folder (null when none was written)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmissionRow(String submission, String status, int score, int maxScore, List<Grade.Row> tests,
                            String problem, List<String> details, String bundle, double seconds) {
    public SubmissionRow {
        tests = tests == null ? List.of() : List.copyOf(tests);
        details = details == null ? List.of() : List.copyOf(details);
    }

    public static SubmissionRow of(String submission, Grade g, String bundle, double seconds) {
        return new SubmissionRow(submission, "graded", g.score(), g.maxScore(), g.rows(),
                g.complete() ? null : "the run was cut short", List.of(), bundle, seconds);
    }

    public static SubmissionRow ungraded(String submission, String status, int maxScore, String problem,
                                         List<String> details, double seconds) {
        return new SubmissionRow(submission, status, 0, maxScore, List.of(), problem, details, null, seconds);
    }
}
