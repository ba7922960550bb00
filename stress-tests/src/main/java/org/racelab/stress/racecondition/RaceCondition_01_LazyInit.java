package org.racelab.stress.racecondition;

import java.util.concurrent.atomic.AtomicReference;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.I_Result;
import org.racelab.stress.Lesson;
import org.racelab.stress.NotesTopic;
import org.racelab.stress.Observable;

import static org.openjdk.jcstress.annotations.Expect.*;

/*
    The notes say:  Outcome depends on non-deterministic ordering

    Lazy initialisation creates an object the first time somebody asks for it:

        if (instance == null) {        // check
            instance = new Object();   // act
        }
        return instance;

    Alone, a thread checks and acts as one. With two threads the check of one can come
    between the check and the act of the other: both see null, both create an object, and
    each walks away with its own "single" instance. Which thread wins, and whether both
    create, depends on the order in which their steps happen to run.

    Each actor asks for the instance and keeps what it got; the arbiter reports "1" when both
    got the same object and "2" when two objects were handed out.

    What to look for:

      - Racy: "2" shows up in every configuration of a quick run; in the run below, in half
        of all samples. Allocating the object takes long enough for the other thread to run
        its check in the meantime.

      - Synchronized: check and act run under one lock, so the second thread cannot check
        until the first has acted. "2" is forbidden.

      - CompareAndSet: both threads may still create a candidate, but compareAndSet(null, x)
        lets only the first one in; the loser throws its candidate away and takes the
        winner's. "2" is forbidden. This needs no lock, at the cost of an object that may be
        built for nothing; use it where building is cheap and has no side effects.

    On 2 vCPUs, AMD EPYC (x86_64), Linux 6.18, Temurin JDK 25, jcstress 0.16 -m quick -sc false:

      Racy:
        RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
             1  38,434,478   49.46%   Acceptable  Both actors got the same instance.
             2  39,268,766   50.54%  Interesting  Two instances created: both saw null.

      Synchronized:
        RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
             1  19,386,444  100.00%  Acceptable  Both actors got the same instance.
             2           0    0.00%   Forbidden  Two instances created.

      CompareAndSet:
        RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
             1  34,756,684  100.00%  Acceptable  Both actors got the same instance.
             2           0    0.00%   Forbidden  Two instances handed out.

    On AArch64 the race is the same, and Racy has a second problem there that x86_64 hides:
    the plain write of "instance" may become visible before the writes of the constructor,
    so another thread can get an object whose fields still read as zero or null. Here the
    object has no fields, so nothing shows it; with a real object it is the bug of unsafe
    publication, and the reason double-checked locking needs a volatile field.

    Exercise: add the double-checked version (check without the lock, then lock and check
    again) twice, once with a plain field and once with a volatile one. Does this test tell
    the two apart? What would a test need in order to (think of the object's fields)?
 */
@Lesson(topic = NotesTopic.RACE_CONDITIONS,
        notes = "Outcome depends on non-deterministic ordering",
        claim = "Check-then-act lazy initialisation can create the instance twice.",
        race = "2")
public class RaceCondition_01_LazyInit {

    @JCStressTest
    @Observable(on = {"x86_64", "aarch64"})
    @Outcome(id = "1", expect = ACCEPTABLE,             desc = "Both actors got the same instance.")
    @Outcome(id = "2", expect = ACCEPTABLE_INTERESTING, desc = "Two instances created: both saw null.")
    @State
    public static class Racy {
        Object instance;
        Object got1, got2;

        Object get() {
            if (instance == null) {
                instance = new Object();
            }
            return instance;
        }

        @Actor
        public void actor1() {
            got1 = get();
        }

        @Actor
        public void actor2() {
            got2 = get();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = (got1 == got2) ? 1 : 2;
        }
    }

    @JCStressTest
    @Outcome(id = "1", expect = ACCEPTABLE, desc = "Both actors got the same instance.")
    @Outcome(id = "2", expect = FORBIDDEN,  desc = "Two instances created.")
    @State
    public static class Synchronized {
        Object instance;
        Object got1, got2;

        synchronized Object get() {
            if (instance == null) {
                instance = new Object();
            }
            return instance;
        }

        @Actor
        public void actor1() {
            got1 = get();
        }

        @Actor
        public void actor2() {
            got2 = get();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = (got1 == got2) ? 1 : 2;
        }
    }

    @JCStressTest
    @Outcome(id = "1", expect = ACCEPTABLE, desc = "Both actors got the same instance.")
    @Outcome(id = "2", expect = FORBIDDEN,  desc = "Two instances handed out.")
    @State
    public static class CompareAndSet {
        final AtomicReference<Object> instance = new AtomicReference<>();
        Object got1, got2;

        Object get() {
            Object current = instance.get();
            if (current == null) {
                Object candidate = new Object();
                // Only one candidate wins; the loser drops its own and takes the winner's.
                current = instance.compareAndSet(null, candidate) ? candidate : instance.get();
            }
            return current;
        }

        @Actor
        public void actor1() {
            got1 = get();
        }

        @Actor
        public void actor2() {
            got2 = get();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = (got1 == got2) ? 1 : 2;
        }
    }
}
