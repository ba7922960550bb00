package org.racelab.harness.lab;

import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.bundle.LabSection;
import org.racelab.harness.grade.Grade;
import org.racelab.harness.grade.GradeSummary;
import org.racelab.harness.grade.Gradescope;
import org.racelab.harness.grade.Grades;
import org.racelab.harness.profile.Profile;
import org.racelab.harness.progress.ProgressListener;
import org.racelab.harness.run.Section;
import org.racelab.harness.vm.ChildJvm;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The lab section of a lab check: it records what the assignment grades, runs the JUnit tests in
 * a child JVM, and, once the run is over, grades the bundle: the terminal summary, and Gradescope's
 * results file when asked for one. It runs first, so a run cut short still says what was graded.
 */
final class LabSectionRun implements Section {

    /** The heap of the JVM that runs the student's JUnit tests: a submission that allocates without end hits it. */
    static final List<String> JUNIT_HEAP = List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
    /** Generous: JUnit fails a single test after a minute by itself. */
    static final Duration JUNIT_TIMEOUT = Duration.ofMinutes(4);

    private final LabSection lab;
    private final Path classes;
    private final List<String> junitClasses;
    private final Path gradescope;
    private final ChildJvm jvm = new ChildJvm().capOutput(JUnitRun.OUTPUT_CAP);

    LabSectionRun(LabSection lab, Path classes, List<String> junitClasses, Path gradescope) {
        this.lab = lab;
        this.classes = classes;
        this.junitClasses = List.copyOf(junitClasses);
        this.gradescope = gradescope;
    }

    @Override
    public String name() {
        return "lab";
    }

    @Override
    public Bundle run(Bundle bundle, Profile profile, Path rawDir, ProgressListener progress) throws IOException {
        Bundle started = bundle.withLab(lab);
        writeGradescope(started, "the check has started; a test still marked failed with no evidence was not reached");
        if (junitClasses.isEmpty()) {
            return started;
        }
        progress.started("junit", junitClasses.size(), 5);
        JUnitRun.Outcome o = new JUnitRun(jvm).run(classes, junitClasses, rawDir.resolve("junit"), JUNIT_TIMEOUT,
                JUNIT_HEAP);
        progress.finished();
        return bundle.withLab(lab.withJUnit(o.cases(), o.problem()));
    }

    @Override
    public void stop(String reason) {
        jvm.stop(reason);
    }

    @Override
    public List<String> problems(Bundle bundle) {
        // a JUnit JVM that a submission ended is a result (its tests failed), not a fault of the run
        return List.of();
    }

    @Override
    public boolean failed(Bundle bundle) {
        return Grades.of(bundle).map(g -> !g.passed()).orElse(true);
    }

    @Override
    public void summarize(Bundle bundle, Path folder, PrintStream out) {
        Grades.of(bundle).ifPresent(g -> GradeSummary.print(g, out));
    }

    @Override
    public void finished(Bundle bundle, Path folder) throws IOException {
        writeGradescope(bundle, bundle.complete() ? null : "the run was cut short: " + String.join("; ", bundle.incomplete()));
    }

    private void writeGradescope(Bundle bundle, String extra) throws IOException {
        if (gradescope == null) {
            return;
        }
        Grade g = Grades.of(bundle).orElseThrow();
        Gradescope.write(gradescope, Gradescope.results(g, extra));
    }
}
