package org.racelab.harness.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundle carries which outcomes are "the race" and from which meaning: the runners mark them
 * ({@code race: true}) and name the meaning; every stage after reads the marks. A bundle from
 * before the marks gets its lesson's race ids marked on reading, exactly, never as a pattern.
 */
class MeaningMarksTest {

    @TempDir
    Path tmp;

    @Test
    void anOlderBundlesLessonMarksItsRaceOutcomesOnReading() {
        Bundle b = Fixtures.read("bundle-2cpu.json").bundle();
        StressTestResult sb = b.stress().tests().stream()
                .filter(t -> t.name().endsWith("StoreBuffering.Plain")).findFirst().orElseThrow();
        assertEquals(Meaning.LESSON, sb.meaning());
        assertEquals(List.of("0, 0"), Meaning.marked(sb.outcomes()).stream().map(OutcomeCount::id).toList());
        VraceSection.VraceTestResult v = b.vrace().tests().stream()
                .filter(t -> t.name().endsWith("StoreBuffering.Plain")).findFirst().orElseThrow();
        assertEquals(Meaning.LESSON, v.meaning());
        assertTrue(v.runs().stream().allMatch(r -> Meaning.marked(r.outcomes()).stream().map(OutcomeCount::id)
                .toList().equals(List.of("0, 0"))), "every run's outcomes are marked");
        StressTestResult noRace = b.stress().tests().stream()
                .filter(t -> t.kind().equals("no-race")).findFirst().orElseThrow();
        assertNull(noRace.meaning(), "a lesson with no race has nothing to mark");
    }

    @Test
    void theMarksAndTheMeaningAreReadAsWrittenAndNeverRemarked() throws Exception {
        ObjectNode tree = Fixtures.tree("bundle-2cpu.json");
        ObjectNode t = (ObjectNode) tree.at("/stress/tests/0");
        t.remove("lesson");
        t.put("meaning", "interesting");
        t.put("kind", "jcstress");
        ((ObjectNode) t.at("/outcomes/0")).put("race", true);
        String id = t.at("/outcomes/0/id").asText();
        StressTestResult read = new BundleReader().read(Fixtures.write(tree, tmp))
                .bundle().stress().tests().get(0);
        assertEquals(Meaning.INTERESTING, read.meaning());
        assertEquals(List.of(id), Meaning.marked(read.outcomes()).stream().map(OutcomeCount::id).toList());
        assertTrue(Json.mapper().writeValueAsString(read.outcomes().get(0)).contains("\"race\":true"),
                "the mark is written back");
        String json = Json.mapper().writeValueAsString(read.outcomes().get(1));
        assertFalse(json.contains("race"), "an outcome that is not the race carries no mark: " + json);
    }

    @Test
    void theWordsSayWhichMeaning() {
        assertEquals("race", Meaning.word(Meaning.LESSON));
        assertEquals("interesting", Meaning.word(Meaning.INTERESTING));
        assertTrue(Meaning.source(Meaning.INTERESTING).contains("ACCEPTABLE_INTERESTING"));
    }
}
