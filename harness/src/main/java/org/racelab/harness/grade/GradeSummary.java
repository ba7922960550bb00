package org.racelab.harness.grade;

import org.racelab.harness.format.Texts;

import java.io.PrintStream;

/** A grade for a person at the terminal: each test, passed or failed, with the evidence. */
public final class GradeSummary {

    private GradeSummary() {
    }

    public static void print(Grade g, PrintStream out) {
        out.println();
        out.println(Texts.terminal("lab " + g.assignment() + ": " + g.title()));
        for (Grade.Row r : g.rows()) {
            out.printf("  %-7s %3d/%-3d %s (%s)%n", r.passed() ? "passed" : "FAILED", r.points(), r.maxPoints(),
                    Texts.terminal(r.name()), r.kind());
            for (String e : r.evidence()) {
                out.println("                " + Texts.terminal(e));
            }
        }
        out.println(Texts.terminal("  " + g.score() + " of " + g.maxScore() + " points"
                + (g.complete() ? "" : " (the run was cut short: this grade is not final)")));
        if (!g.passed() && g.read() != null) {
            out.println(Texts.terminal("  read next: " + g.read()));
        }
    }
}
