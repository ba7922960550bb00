package org.racelab.harness.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SC outcome sets of the catalog's models, against the answers the cases are built on. */
class CatalogModelsTest {

    private static final String ROOT = "org.racelab.stress.";
    private final Explorer explorer = new Explorer();

    private Exploration explore(String test) {
        return explorer.explore(CatalogModels.of(ROOT + test).orElseThrow(() -> new AssertionError("no model: " + test)));
    }

    private static Set<String> outcomes(Exploration e) {
        return new TreeSet<>(e.witnesses().keySet());
    }

    @Test
    void lostUpdateIsAnInterleaving() {
        Exploration e = explore("interleaving.Interleaving_01_LostUpdate.Plain");
        assertEquals(Set.of("1", "2"), outcomes(e));
        assertTrue(e.exhaustive());
        assertEquals(6, e.schedules(), "two actors of two steps: 4!/(2!2!) schedules");
        assertEquals(List.of(
                "actor1         | actor2",
                "-------------- | --------------",
                "a = i  (0)     |",
                "               | b = i  (0)",
                "i = a + 1  (1) |",
                "               | i = b + 1  (1)"), e.draw("1"), String.join("\n", e.draw("1")));
    }

    @Test
    void theWitnessOfALostUpdateReadsTheSameValueTwice() {
        Exploration e = explore("interleaving.Interleaving_01_LostUpdate.Plain");
        List<Explorer.Move> w = e.witnesses().get("1");
        assertEquals(4, w.size());
        long readsOfZero = w.stream().filter(m -> m.step().matches("[ab] = i  \\(0\\)")).count();
        assertEquals(2, readsOfZero, "both actors read 0 before either wrote: " + w);
        assertEquals("i = a + 1  (1)", w.stream().filter(m -> m.actor() == 0).reduce((x, y) -> y).orElseThrow().step());
    }

    @Test
    void atomicAndLockedIncrementsLoseNothing() {
        for (String v : List.of("AtomicInteger", "VarHandleGetAndAdd", "LongAdder", "Synchronized", "ReentrantLock")) {
            assertEquals(Set.of("2"), outcomes(explore("interleaving.Interleaving_01_LostUpdate." + v)), v);
        }
        assertEquals(Set.of("1", "2", "3", "4"), outcomes(explore("interleaving.Interleaving_01_LostUpdate.PlainFourActors")));
    }

    @Test
    void storeBufferingsZeroZeroIsNoInterleaving() {
        Exploration e = explore("communication.Communication_02_StoreBuffering.Plain");
        assertEquals(Set.of("0, 1", "1, 0", "1, 1"), outcomes(e));
        assertFalse(e.allows("0, 0"));
        assertTrue(e.exhaustive());
        assertTrue(e.model().hardware().containsKey("0, 0"), "the model says why the hardware shows 0, 0");
    }

    @Test
    void messagePassingsStaleReadIsNoInterleaving() {
        for (String v : List.of("Plain", "VolatileFlag", "ReleaseAcquire")) {
            Exploration e = explore("communication.Communication_01_MessagePassing." + v);
            assertEquals(Set.of("0, 0", "0, 1", "1, 1"), outcomes(e), v);
        }
        assertEquals(Set.of("0, 0", "1, 1"), outcomes(explore("communication.Communication_01_MessagePassing.BlockingQueueHandOff")));
    }

    @Test
    void programOrderHasTheSixInterleavingsOfTwoTasksOfTwoSteps() {
        Exploration e = explore("interleaving.Interleaving_02_ProgramOrder.StepByStep");
        assertEquals(Set.of("A1 A2 B1 B2", "A1 B1 A2 B2", "A1 B1 B2 A2", "B1 A1 A2 B2", "B1 A1 B2 A2", "B1 B2 A1 A2"),
                outcomes(e));
        assertEquals(6, e.schedules());
        assertEquals(Set.of("A1 A2 B1 B2", "B1 B2 A1 A2"),
                outcomes(explore("interleaving.Interleaving_02_ProgramOrder.TaskHoldsLock")));
    }

    @Test
    void raceConditionsAreInterleavings() {
        assertEquals(Set.of("1", "2"), outcomes(explore("racecondition.RaceCondition_01_LazyInit.Racy")));
        assertEquals(Set.of("1"), outcomes(explore("racecondition.RaceCondition_01_LazyInit.Synchronized")));
        assertEquals(Set.of("1"), outcomes(explore("racecondition.RaceCondition_01_LazyInit.CompareAndSet")));
        assertEquals(Set.of("0, 1", "-100, 2", "0, 2"),
                outcomes(explore("racecondition.RaceCondition_02_Overdraft.CheckThenAct")));
        assertEquals(Set.of("0, 1"), outcomes(explore("racecondition.RaceCondition_02_Overdraft.Synchronized")));
        assertEquals(Set.of("0, 1"), outcomes(explore("racecondition.RaceCondition_02_Overdraft.AtomicCompareAndSet")));
    }

    @Test
    void publicationAndConfinementAndSpinning() {
        assertEquals(Set.of("-1", "4"), outcomes(explore("communication.Communication_03_UnsafePublication.Unsafe")));
        assertEquals(Set.of("3, 3"), outcomes(explore("confinement.Confinement_01_NoSharing.OwnData")));
        Exploration spin = explore("visibility.Visibility_01_SpinLoop.PlainFlag");
        assertEquals(Set.of("TERMINATED"), outcomes(spin));
        assertTrue(spin.exhaustive(), "a loop revisits its states; the search still ends");
        assertEquals(null, spin.schedules(), "a spin can go round any number of times");
    }
}
