package org.racelab.harness.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The assignment format: racelab's own labs hold what their assignment.json promises; a bad one is one line. */
class AssignmentFormatTest {

    @Test
    void everyBuiltInAssignmentHoldsWhatItsFileNames() throws Exception {
        Labs labs = Labs.builtIn();
        assertFalse(labs.labs().isEmpty());
        for (Labs.Lab lab : labs.labs()) {
            Assignment a = lab.assignment();
            Path f = lab.folder();
            assertTrue(Files.isRegularFile(f.resolve("task.md")), a.id() + ": task.md");
            for (String s : a.student()) {
                assertTrue(Files.isRegularFile(f.resolve("starter").resolve(s)), a.id() + ": starter/" + s);
                assertTrue(Files.isRegularFile(f.resolve("solution").resolve(s)), a.id() + ": solution/" + s);
                for (Assignment.Wrong w : a.wrong()) {
                    assertTrue(Files.isRegularFile(f.resolve("wrong").resolve(w.id()).resolve(s)),
                            a.id() + ": wrong/" + w.id() + "/" + s);
                }
            }
            for (Assignment.Test t : a.tests()) {
                if (t.kind().equals("predict")) {
                    continue;
                }
                String file = t.id().split("\\$")[0].replace('.', '/') + ".java";
                assertTrue(Files.isRegularFile(f.resolve("grading").resolve(t.kind()).resolve(file)),
                        a.id() + ": grading/" + t.kind() + "/" + file);
            }
            assertFalse(a.wrong().isEmpty(), a.id() + " has no known-wrong submission");
        }
    }

    @Test
    void aFieldTheFormatDoesNotKnowIsNamed(@TempDir Path dir) throws IOException {
        Path lab = write(dir, "oops", """
                {"title": "t", "claim": "c", "student": ["a/B.java"], "tests": [
                  {"id": "a.BTest", "kind": "junit", "points": 1, "catches": "x"}], "pionts": 3}
                """);
        LabException e = assertThrows(LabException.class, () -> Labs.readAssignment(lab));
        assertTrue(e.getMessage().contains("pionts"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void everyFaultOfAnAssignmentIsSaidInOneLine(@TempDir Path dir) throws IOException {
        Path lab = write(dir, "bad", """
                {"title": "t", "claim": "c", "student": ["../etc/passwd"], "tests": [
                  {"id": "a.BTest", "kind": "fuzz", "points": 1},
                  {"id": "a.CTest", "kind": "junit", "points": 0}],
                 "wrong": [{"id": "w", "mistake": "m", "fails": ["a.Nope"]}]}
                """);
        LabException e = assertThrows(LabException.class, () -> Labs.readAssignment(lab));
        String m = e.getMessage();
        assertEquals(1, m.lines().count(), m);
        for (String part : List.of("../etc/passwd", "'kind' must be one of", "'points' must be 1..1000", "a.Nope")) {
            assertTrue(m.contains(part), part + " in: " + m);
        }
    }

    /** A field written as null (a teacher's own file) is a fault said in one line, not an exception. */
    @Test
    void nullFieldsAreFaultsSaidInOneLine(@TempDir Path dir) throws IOException {
        Path lab = write(dir, "nulls", """
                {"title": null, "claim": "c", "student": null, "tests": null,
                 "wrong": [{"id": "w", "mistake": "m", "fails": null}]}
                """);
        LabException e = assertThrows(LabException.class, () -> Labs.readAssignment(lab));
        String m = e.getMessage();
        assertEquals(1, m.lines().count(), m);
        for (String part : List.of("'title' is empty", "'student' names no file", "'tests' is empty", "known-wrong 'w'")) {
            assertTrue(m.contains(part), part + " in: " + m);
        }
    }

    /** Predictions are graded against racelab's catalog with no student code: no other kind beside them. */
    @Test
    void aPredictAssignmentHasOnlyPredictTests(@TempDir Path dir) throws IOException {
        Path lab = write(dir, "mixed", """
                {"title": "t", "claim": "c", "student": ["prediction.txt"], "tests": [
                  {"id": "org.racelab.stress.communication.Communication_02_StoreBuffering$Plain", "kind": "predict", "points": 4},
                  {"id": "a.BTest", "kind": "junit", "points": 1}]}
                """);
        LabException e = assertThrows(LabException.class, () -> Labs.readAssignment(lab));
        assertTrue(e.getMessage().contains("only tests of kind predict"), e.getMessage());
    }

    @Test
    void aHandoutHoldsTheTaskAndTheStarterAndNothingHidden(@TempDir Path dir) throws Exception {
        Labs labs = Labs.builtIn();
        Labs.Lab lab = labs.get("counter");
        Path handout = dir.resolve("mine");
        Handout.write(labs, lab, handout);
        assertTrue(Files.isRegularFile(handout.resolve("task.md")));
        assertTrue(Files.isRegularFile(handout.resolve("src/lab/counter/Counter.java")));
        assertEquals(Files.readString(lab.folder().resolve("starter/lab/counter/Counter.java")),
                Files.readString(handout.resolve("src/lab/counter/Counter.java")));
        try (Stream<Path> all = Files.walk(handout)) {
            List<String> names = all.map(p -> handout.relativize(p).toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.contains("solution") || n.contains("wrong")
                    || n.contains("grading") || n.contains("Stress") || n.contains("Test.java")), names.toString());
        }
        assertEquals("counter", Handout.marker(handout).orElseThrow().assignment());
        LabException again = assertThrows(LabException.class, () -> Handout.write(labs, lab, handout));
        assertTrue(again.getMessage().contains("already exists"), again.getMessage());
    }

    @Test
    void anUnknownAssignmentListsTheOnesThereAre() throws Exception {
        LabException e = assertThrows(LabException.class, () -> Labs.builtIn().get("countr"));
        assertTrue(e.getMessage().contains("counter"), e.getMessage());
    }

    static Path write(Path dir, String id, String json) throws IOException {
        Path lab = dir.resolve(id);
        Files.createDirectories(lab);
        Files.writeString(lab.resolve("assignment.json"), json);
        return lab;
    }
}
