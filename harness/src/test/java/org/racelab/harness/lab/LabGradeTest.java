package org.racelab.harness.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.grade.SubmissionRow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batch's bookkeeping, without running a check. */
class LabGradeTest {

    private static final Path A_BUNDLE = Path.of("src", "test", "resources", "report", "bundle-bench.json");

    /** Names that come out the same as folder names each keep a row and a folder of their own. */
    @Test
    void submissionsWhoseNamesComeOutTheSameKeepARowEach() {
        Map<Path, String> names = LabGrade.names(List.of(Path.of("subs/O'Brien"), Path.of("subs/O Brien"),
                Path.of("subs/alice.zip"), Path.of("subs/o_brien")));
        assertEquals("O_Brien", names.get(Path.of("subs/O Brien")));
        assertEquals("O_Brien-2", names.get(Path.of("subs/O'Brien")));
        assertEquals("alice.zip", names.get(Path.of("subs/alice.zip")));
        assertEquals("o_brien-3", names.get(Path.of("subs/o_brien")), "differs in case only: a folder of its own too");
    }

    /** A check writes one run folder; a second (the submission's own code can write there) makes neither trusted. */
    @Test
    void aSecondRunFolderMeansNoBundleIsTrusted(@TempDir Path runs) throws Exception {
        Files.createDirectories(runs.resolve("vm-1"));
        Files.copy(A_BUNDLE, runs.resolve("vm-1/bundle.json"));
        assertTrue(LabGrade.bundle(runs).isPresent(), "one run folder: its bundle");
        Files.createDirectories(runs.resolve("aaa"));
        Files.copy(A_BUNDLE, runs.resolve("aaa/bundle.json"));
        assertTrue(LabGrade.bundle(runs).isEmpty());
    }

    /** A re-run grades again what was cut short or ended without a grade for no fault of the submission. */
    @Test
    void onlyFinalRowsAreKeptByARerun() {
        assertTrue(LabGrade.isFinal(new SubmissionRow("a", "graded", 10, 10, List.of(), null, List.of(), null, 1)));
        assertTrue(LabGrade.isFinal(SubmissionRow.ungraded("b", "hang", 10, "did not finish", List.of(), 1)));
        assertTrue(LabGrade.isFinal(SubmissionRow.ungraded("c", "does-not-compile", 10, "1 error", List.of(), 1)));
        assertFalse(LabGrade.isFinal(new SubmissionRow("d", "graded", 4, 10, List.of(), "the run was cut short",
                List.of(), null, 1)));
        assertFalse(LabGrade.isFinal(SubmissionRow.ungraded("e", "crashed", 10, "exit code 137", List.of(), 1)));
    }
}
