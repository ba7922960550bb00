package org.racelab.harness.vrace;

import org.junit.jupiter.api.Test;
import org.racelab.fixtures.Fixture_04_RacyCounter;
import org.racelab.fixtures.Fixture_06_Patterns;
import org.racelab.fixtures.Fixture_07_Termination;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestShapeTest {

    @Test
    void aClassThatIsNotAJCStressTestIsRefusedByName() {
        UnsupportedShapeException e = assertThrows(UnsupportedShapeException.class, () -> TestShape.of(String.class));
        assertTrue(e.getMessage().contains("java.lang.String is not a JCStress test"), e.getMessage());
    }

    @Test
    void aTerminationTestIsRefusedWithTheReason() {
        UnsupportedShapeException e = assertThrows(UnsupportedShapeException.class,
                () -> TestShape.of(Fixture_07_Termination.class));
        assertTrue(e.getMessage().contains("termination-mode"), e.getMessage());
    }

    @Test
    void aStateOfItsOwnClassIsDrivenAsJCStressDrivesIt() throws Throwable {
        TestShape shape = TestShape.of(Fixture_04_RacyCounter.class);
        assertEquals(2, shape.actorCount());
        Object state = shape.newState();
        Object result = shape.newResult();
        shape.actor(0).invokeExact(state, result);
        shape.actor(1).invokeExact(state, result);
        shape.arbiter().invokeExact(state, result);
        assertEquals("2", result.toString(), "one after the other, no update is lost");
    }

    @Test
    void actorsThatWriteTheResultThemselvesNeedNoArbiter() throws Throwable {
        TestShape shape = TestShape.of(Fixture_06_Patterns.class);
        Object state = shape.newState();
        Object result = shape.newResult();
        shape.actor(0).invokeExact(state, result);
        shape.actor(1).invokeExact(state, result);
        assertEquals(null, shape.arbiter());
        assertEquals("0, 1", result.toString(), "the outcome id reads as JCStress prints it");
    }

    @Test
    void oneRoundOnPlatformThreadsCountsEverySample() throws Exception {
        SampleLoop.Outcome o = SampleLoop.run(TestShape.of(Fixture_04_RacyCounter.class), false, 1, 64);
        assertEquals(64, o.samples(), "a budget of 1 ns still finishes its first round");
        long counted = o.histogram().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(64, counted);
        assertTrue(Map.of("1", 0, "2", 0).keySet().containsAll(o.histogram().keySet()), o.histogram().toString());
    }
}
