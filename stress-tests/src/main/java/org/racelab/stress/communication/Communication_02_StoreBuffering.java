package org.racelab.stress.communication;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.II_Result;
import org.racelab.stress.Lesson;
import org.racelab.stress.NotesTopic;
import org.racelab.stress.Observable;

import static org.openjdk.jcstress.annotations.Expect.*;

/*
    Notes, Race Conditions: "Races occur due to communication."

    Two threads that want to tell each other something at the same time: each raises its own
    flag and then looks at the other's. This is the heart of Dekker's mutual exclusion
    algorithm (raise my flag, and enter only if yours is down).

        actor1:  x = 1;  r1 = y;        actor2:  y = 1;  r2 = x;

    What to look for: the row "0, 0". Each thread missed the other's flag, although each wrote
    its own before it read. Try to find an interleaving of the four lines that gives "0, 0":
    there is none. Whichever write comes first in time, the other thread's read comes after
    it. And yet:

    Why Plain races: a modern CPU, x86_64 included, parks a store in a private store buffer and
    moves on to the next instruction; the store reaches the cache, where other CPUs can see
    it, a little later. Both loads can run while both stores still sit in their buffers. So
    even x86's strong (TSO) model allows this one reordering, a store followed by a load of
    another address, and this is the case where x86 shows a race that sequential reasoning
    says is impossible. The JIT may also swap the two plain accesses on its own, but it
    need not: in the run below "0, 0" came from every configuration, the interpreter
    included (25,716 times under -Xint, tens of millions in each compiled one). Here it is
    the CPU.

    What Volatile fixes: volatile accesses are sequentially consistent: all of them fall into
    one total order that each thread's program order respects. In that order one of the two
    writes comes first, so the other thread's read sees it. On x86 the JIT pays for this with
    a full fence (a locked instruction) after each volatile store, which drains the store
    buffer. Note that release/acquire (as in Communication_01) would NOT be enough here: it
    orders a store before later stores and a load before later loads, not a store before a
    later load.

    Result on 2 vCPUs, AMD EPYC (x86_64), Linux 6.18, Temurin JDK 25, jcstress 0.16
    -m quick -sc false, results across all configurations:

    Plain:
      RESULT      SAMPLES     FREQ       EXPECT  DESCRIPTION
        0, 0  130,852,836   53.29%  Interesting  Each missed the other's write: stores still buffered.
        0, 1   60,871,155   24.79%   Acceptable  One actor ran ahead of the other.
        1, 0   53,843,366   21.93%   Acceptable  One actor ran ahead of the other.
        1, 1          207   <0.01%   Acceptable  Both wrote before either read.

    Volatile:
      RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
        0, 0           0    0.00%   Forbidden  Each missed the other's write: volatile forbids it.
        0, 1  20,392,303   31.35%  Acceptable  One actor ran ahead of the other.
        1, 0  19,510,021   29.99%  Acceptable  One actor ran ahead of the other.
        1, 1  25,144,280   38.66%  Acceptable  Both wrote before either read.

    On AArch64 the picture is the same in kind: Plain shows "0, 0" (and the other rows), and
    Volatile never does, where the JIT uses stlr/ldar, whose pairing forbids exactly this.

    Exercise: make only x volatile and leave y plain. Does the JMM still allow "0, 0"? (Look
    for a happens-before edge from each actor's write to the other actor's read.) On x86 the
    JIT still puts a fence after the store to x: does that save actor2, whose store to y
    stays plain? Predict, then run it.
 */
@Lesson(topic = NotesTopic.RACE_CONDITIONS,
        notes = "Races occur due to communication",
        claim = "Two threads that each write a flag and then read the other's can both miss the other's write.",
        race = "0, 0")
public class Communication_02_StoreBuffering {

    @JCStressTest
    @Observable(on = {"x86_64", "aarch64"})
    @Outcome(id = {"0, 1", "1, 0"}, expect = ACCEPTABLE,             desc = "One actor ran ahead of the other.")
    @Outcome(id = "1, 1",           expect = ACCEPTABLE,             desc = "Both wrote before either read.")
    @Outcome(id = "0, 0",           expect = ACCEPTABLE_INTERESTING, desc = "Each missed the other's write: stores still buffered.")
    @State
    public static class Plain {
        int x;
        int y;

        @Actor
        public void actor1(II_Result r) {
            x = 1;
            r.r1 = y;
        }

        @Actor
        public void actor2(II_Result r) {
            y = 1;
            r.r2 = x;
        }
    }

    @JCStressTest
    @Outcome(id = {"0, 1", "1, 0"}, expect = ACCEPTABLE, desc = "One actor ran ahead of the other.")
    @Outcome(id = "1, 1",           expect = ACCEPTABLE, desc = "Both wrote before either read.")
    @Outcome(id = "0, 0",           expect = FORBIDDEN,  desc = "Each missed the other's write: volatile forbids it.")
    @State
    public static class Volatile {
        volatile int x;
        volatile int y;

        @Actor
        public void actor1(II_Result r) {
            x = 1;
            r.r1 = y;
        }

        @Actor
        public void actor2(II_Result r) {
            y = 1;
            r.r2 = x;
        }
    }
}
