package org.racelab.stress.racecondition;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.I_Result;
import org.racelab.stress.Lesson;
import org.racelab.stress.NotesTopic;
import org.racelab.stress.Observable;

import static org.openjdk.jcstress.annotations.Expect.*;

@Lesson(topic = NotesTopic.INTERLEAVINGS,
        notes = "i += 1 → reads i, increases i, writes i",
        claim = "Two threads that each add one to a shared int can lose an update.",
        race = "1")
public class RaceCondition_01_LostUpdate {

    @JCStressTest
    @Observable(on = {"x86_64", "aarch64"})
    @Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "One update lost: both read 0, both wrote 1.")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "Both updates counted.")
    @State
    public static class Plain {
        int i;

        @Actor
        public void actor1() {
            i += 1;
        }

        @Actor
        public void actor2() {
            i += 1;
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = i;
        }
    }
}
