package org.racelab.harness.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racelab.harness.bundle.LabSection.JUnitCase;
import org.racelab.harness.bundle.Verdict;
import org.racelab.harness.vm.ChildJvm;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the JUnit JVM's results: no test that started may drop out of the grade. */
class JUnitRunTest {

    private static final String STARTED = "{\"event\":\"started\",\"class\":\"lab.T\",\"method\":\"%s\"}\n";
    private static final String PASSED = "{\"event\":\"finished\",\"class\":\"lab.T\",\"method\":\"%s\",\"status\":\"PASSED\",\"seconds\":0.1}\n";

    /** A JVM that ended normally with a test started and never finished (its result line lost): an error, not a pass by omission. */
    @Test
    void aTestWhoseResultWasNeverRecordedIsAnError(@TempDir Path dir) throws Exception {
        Path results = Files.writeString(dir.resolve("r.jsonl"), STARTED.formatted("a") + PASSED.formatted("a")
                + STARTED.formatted("b") + STARTED.formatted("c") + PASSED.formatted("c"));
        JUnitRun.Outcome o = JUnitRun.read(results, List.of("lab.T"), new ChildJvm.Ending(0, null));
        assertNull(o.problem());
        assertEquals(3, o.cases().size(), o.cases().toString());
        JUnitCase b = o.cases().stream().filter(c -> c.method().equals("b")).findFirst().orElseThrow();
        assertEquals(Verdict.ERROR, b.verdict());
        assertTrue(b.message().contains("never recorded"), b.message());
    }

    @Test
    void aTestRunningWhenTheJvmEndedIsAnErrorThatSaysHow(@TempDir Path dir) throws Exception {
        Path results = Files.writeString(dir.resolve("r.jsonl"), STARTED.formatted("a"));
        JUnitRun.Outcome o = JUnitRun.read(results, List.of("lab.T"), new ChildJvm.Ending(3, null));
        assertEquals(Verdict.ERROR, o.cases().get(0).verdict());
        assertTrue(o.cases().get(0).message().contains("exit code 3 (did the code call System.exit?)"),
                o.cases().get(0).message());
    }

    /**
     * Code that ends the JVM in the second of four tests: the two it never reached still count, as
     * not run, so one passing test is a share of four, not of two (the grade's partial credit).
     */
    @Test
    void theTestsAJvmNeverReachedStillCount(@TempDir Path dir) throws Exception {
        Path classes = Path.of(JUnitExitFixture.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JUnitRun.Outcome o = new JUnitRun(new ChildJvm()).run(classes, List.of(JUnitExitFixture.class.getName()),
                dir, Duration.ofMinutes(2), List.of("-Xmx128m"));
        Map<String, Verdict> verdicts = o.cases().stream().collect(Collectors.toMap(JUnitCase::method, JUnitCase::verdict));
        assertEquals(Map.of("a", Verdict.PASSED, "b", Verdict.ERROR, "c", Verdict.NOT_RUN, "d", Verdict.NOT_RUN),
                verdicts, o.cases().toString());
        assertTrue(o.problem().contains("exit code 3"), o.problem());
        assertTrue(o.cases().get(2).message().contains("the JVM ended before this test"), o.cases().get(2).message());
    }

    /** A message with a lone surrogate (a student's, or a pair cut at the length limit) can be written in UTF-8. */
    @Test
    void aMessageWithALoneSurrogateBecomesWritable() {
        String cut = JUnitMain.wellFormed("x\uD800y \uD83D\uDE00 z\uDC00");
        assertEquals("x?y \uD83D\uDE00 z?", cut);
        assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(cut));
    }
}
