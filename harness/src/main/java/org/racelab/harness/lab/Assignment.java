package org.racelab.harness.lab;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.racelab.harness.bundle.LabSection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One assignment, as its {@code assignment.json} describes it. The folder beside it holds the task
 * ({@code task.md}), the starter, the reference solution, the grading suite and the known-wrong
 * submissions (see {@code labs/README.md}).
 *
 * @param id       the folder's name, e.g. {@code counter}
 * @param student  the files the student writes, relative to the source root (e.g.
 *                 {@code lab/counter/Counter.java}), or {@code prediction.txt}
 * @param minCpus  the CPUs grading needs: JCStress leaves out a test with more actors than CPUs, so
 *                 on fewer a racy submission would pass
 * @param profile  the weakest profile at which every known-wrong submission fails
 * @param fewerCpus for an assignment that can still be graded on fewer CPUs: which tests still
 *                 catch the mistakes there, and why (null: it cannot)
 */
public record Assignment(String id, String title, String claim, String notes, List<String> student,
                         List<Test> tests, List<Wrong> wrong, String read, int minCpus, String profile,
                         String fewerCpus) {

    static final Set<String> KINDS = Set.of("stress", "junit", "predict");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern JAVA_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    public Assignment {
        student = student == null ? List.of() : List.copyOf(student);
        tests = tests == null ? List.of() : List.copyOf(tests);
        wrong = wrong == null ? List.of() : List.copyOf(wrong);
    }

    /**
     * One graded test.
     *
     * @param id    a JCStress test's binary name ({@code Outer$Inner} for a nested one), or a JUnit
     *              test class whose methods share the points
     * @param model a catalog case whose SC model shows the interleaving behind the failing outcome
     */
    public record Test(String id, String kind, int points, String catches, String model) {
    }

    /** A known-wrong submission: a mistake students make, and the tests it must fail. */
    public record Wrong(String id, String mistake, List<String> fails) {
        public Wrong {
            fails = fails == null ? List.of() : List.copyOf(fails);
        }
    }

    /** The assignment.json as written (without its id, which is the folder's name). */
    record File(@JsonProperty(required = true) String title, @JsonProperty(required = true) String claim,
                String notes, @JsonProperty(required = true) List<String> student,
                @JsonProperty(required = true) List<Test> tests, List<Wrong> wrong, String read, Integer minCpus,
                String profile, String fewerCpus) {
    }

    /** Checks what the file says; every fault is one line naming the field. */
    static Assignment of(String id, File f) throws LabException {
        if (!ID.matcher(id).matches()) {
            throw new LabException("assignment folder name '" + id + "' is not an id (lowercase letters, digits, dashes)");
        }
        List<String> problems = new ArrayList<>();
        // a field written as null is as good as missing: said in the same line, never an exception
        List<String> student = f.student() == null ? List.of() : f.student();
        List<Test> tests = f.tests() == null ? List.of() : f.tests();
        if (f.title() == null || f.title().isBlank()) {
            problems.add("'title' is empty");
        }
        if (f.claim() == null || f.claim().isBlank()) {
            problems.add("'claim' is empty");
        }
        if (student.isEmpty()) {
            problems.add("'student' names no file");
        }
        for (String s : student) {
            if (s == null || s.isBlank() || s.startsWith("/") || s.contains("..") || s.contains("\\")) {
                problems.add("'student' entry '" + s + "' is not a relative path inside the submission");
            }
        }
        if (tests.isEmpty()) {
            problems.add("'tests' is empty: nothing would be graded");
        }
        for (Test t : tests) {
            if (t == null || t.id() == null || !JAVA_NAME.matcher(t.id()).matches()) {
                problems.add("a test's 'id' is not a class name: " + (t == null ? null : t.id()));
            } else if (t.kind() == null || !KINDS.contains(t.kind())) {
                problems.add("test " + t.id() + ": 'kind' must be one of " + KINDS + ", not " + t.kind());
            } else if (t.points() < 1 || t.points() > 1000) {
                problems.add("test " + t.id() + ": 'points' must be 1..1000, not " + t.points());
            }
        }
        for (Wrong w : f.wrong() == null ? List.<Wrong>of() : f.wrong()) {
            if (w == null || w.id() == null || !ID.matcher(w.id()).matches()) {
                problems.add("a known-wrong submission's 'id' is not an id: " + (w == null ? null : w.id()));
            } else if (w.fails() == null || w.fails().isEmpty() || !w.fails().stream().allMatch(x -> tests.stream()
                    .anyMatch(t -> t != null && t.id() != null && t.id().equals(x)))) {
                problems.add("known-wrong '" + w.id() + "': 'fails' must name tests of 'tests', not " + w.fails());
            }
        }
        // the predict runner grades against racelab's own catalog, with no student code compiled
        long predicts = tests.stream().filter(t -> t != null && "predict".equals(t.kind())).count();
        if (predicts > 0 && predicts < tests.size()) {
            problems.add("a 'predict' assignment has only tests of kind predict (the predictions are graded"
                    + " against racelab's catalog; there is no student code to run other tests on)");
        }
        int minCpus = f.minCpus() == null ? 1 : f.minCpus();
        if (minCpus < 1 || minCpus > 1024) {
            problems.add("'minCpus' must be 1..1024, not " + minCpus);
        }
        if (!problems.isEmpty()) {
            throw new LabException("assignment " + id + ": " + String.join("; ", problems));
        }
        String profile = f.profile() == null ? "quick" : f.profile().toLowerCase(Locale.ROOT);
        return new Assignment(id, f.title(), f.claim(), f.notes(), student, tests,
                f.wrong() == null ? List.of() : f.wrong(), f.read(),
                minCpus, profile, f.fewerCpus());
    }

    /** A "predict" assignment: the student hands in predictions, not code. */
    boolean predicts() {
        return tests.stream().anyMatch(t -> t.kind().equals("predict"));
    }

    List<Test> ofKind(String kind) {
        return tests.stream().filter(t -> t.kind().equals(kind)).toList();
    }

    int maxPoints() {
        return tests.stream().mapToInt(Test::points).sum();
    }

    List<LabSection.Item> items() {
        return tests.stream().map(t -> new LabSection.Item(t.id(), t.kind(), t.points(), t.catches(), t.model()))
                .toList();
    }
}
