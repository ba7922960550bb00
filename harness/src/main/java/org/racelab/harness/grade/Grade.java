package org.racelab.harness.grade;

import java.util.List;

/**
 * A submission's grade, read from its bundle: a row per graded test, with its points and the
 * evidence behind them.
 *
 * @param complete false when the run behind the grade was cut short: its points are not final
 */
public record Grade(String assignment, String title, String submission, int score, int maxScore,
                    List<Row> rows, boolean complete, String read) {

    public Grade {
        rows = List.copyOf(rows);
    }

    public boolean passed() {
        return complete && score == maxScore && rows.stream().allMatch(Row::passed);
    }

    /**
     * One graded test.
     *
     * @param name     the test's short name (its class, without the package)
     * @param passed   it earned all its points
     * @param evidence what the run showed, one line per fact; a witness interleaving is indented
     */
    public record Row(String id, String name, String kind, int points, int maxPoints, boolean passed,
                      String status, List<String> evidence) {
        public Row {
            evidence = List.copyOf(evidence);
        }
    }
}
