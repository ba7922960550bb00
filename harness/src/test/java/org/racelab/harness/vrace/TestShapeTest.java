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
    void aTerminationTestIsReadAsOneActorAndItsSignal() throws Exception {
        TestShape shape = TestShape.of(Fixture_07_Termination.class);
        assertTrue(shape.termination());
        assertEquals(1, shape.actorCount());
        ActorRunner r = shape.runner();
        Object[] state = r.newStates(1);
        state[0] = r.newState();
        assertEquals(null, r.newResult(), "a termination test has no result object");
        r.signal(state[0]);
        r.run(0, state, r.newResults(1), 0, 1); // returns: the signal came first
    }

    @Test
    void aStateOfItsOwnClassIsDrivenAsJCStressDrivesIt() throws Throwable {
        TestShape shape = TestShape.of(Fixture_04_RacyCounter.class);
        assertEquals(2, shape.actorCount());
        ActorRunner r = shape.runner();
        Object[] states = r.newStates(3);
        Object[] results = r.newResults(3);
        assertEquals(Fixture_04_RacyCounter.Tally[].class, states.getClass(), "typed arrays, as JCStress's runners use");
        for (int i = 0; i < 3; i++) {
            states[i] = r.newState();
            results[i] = r.newResult();
        }
        r.run(0, states, results, 0, 3);
        r.run(1, states, results, 1, 2);
        r.arbiter(states, results, 0, 3);
        assertEquals("1", results[0].toString(), "actor 1 only");
        assertEquals("2", results[1].toString(), "one after the other, no update is lost");
        assertEquals("1", results[2].toString());
    }

    @Test
    void theActorsAreCalledDirectlyFromAGeneratedLoopOfTheirOwn() throws Throwable {
        ActorRunner r = TestShape.of(Fixture_04_RacyCounter.class).runner();
        Class<?> c = r.getClass();
        assertTrue(c.isHidden(), c.getName());
        assertEquals(Fixture_04_RacyCounter.class.getPackageName(), c.getPackageName(), "in the test's package");
        assertEquals(Fixture_04_RacyCounter.class, c.getNestHost(), "in the test's nest: private actors are callable");
        assertTrue(java.util.Arrays.stream(c.getDeclaredMethods()).map(java.lang.reflect.Method::getName).toList()
                .containsAll(java.util.List.of("actor0", "actor1")), "one loop per actor");
        assertTrue(java.util.Arrays.stream(c.getDeclaredFields())
                .noneMatch(f -> java.lang.invoke.MethodHandle.class.isAssignableFrom(f.getType())), "no method handle");
    }

    @Test
    void actorsThatWriteTheResultThemselvesNeedNoArbiter() throws Throwable {
        ActorRunner r = TestShape.of(Fixture_06_Patterns.class).runner();
        Object[] states = r.newStates(1);
        Object[] results = r.newResults(1);
        states[0] = r.newState();
        results[0] = r.newResult();
        r.run(0, states, results, 0, 1);
        r.run(1, states, results, 0, 1);
        r.arbiter(states, results, 0, 1);
        assertEquals("0, 1", results[0].toString(), "the outcome id reads as JCStress prints it");
    }

    @Test
    void oneRoundOnPlatformThreadsCountsEverySample() throws Exception {
        SampleLoop.Outcome o = SampleLoop.run(TestShape.of(Fixture_04_RacyCounter.class), false, 2, null, 1,
                1_000_000_000L, 64, 3);
        assertEquals(3 * 64, o.samples(), "a budget of 1 ns still finishes its first round of 3 strides");
        long counted = o.histogram().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(3 * 64, counted);
        assertTrue(Map.of("1", 0, "2", 0).keySet().containsAll(o.histogram().keySet()), o.histogram().toString());
    }
}
