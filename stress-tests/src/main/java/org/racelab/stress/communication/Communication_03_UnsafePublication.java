package org.racelab.stress.communication;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.I_Result;
import org.racelab.stress.Lesson;
import org.racelab.stress.NotesTopic;

import static org.openjdk.jcstress.annotations.Expect.*;

/*
    Notes, Race Conditions: "Races occur due to communication."

    Handing a freshly built object to another thread is communication too, and the most
    common kind in Java: one thread runs   shared = new Point(...);   another reads `shared`
    and uses the object. The reference is the message; the fields are its contents. It is
    message passing (Communication_01) in disguise, with "flag" = the reference and "data" =
    whatever the constructor wrote.

    The reader reports: -1 if it did not see the object yet, else how many of the object's
    four fields hold the value the constructor gave them (0 to 4).

    What to look for: the rows "0" to "3": the reader held a reference to an object whose
    constructor had, as far as the reader could tell, not finished. With plain fields and a
    plain reference nothing orders the constructor's stores before the store of the
    reference, so the JIT may publish the reference first, and a weak CPU may make the stores
    visible in any order. The object's fields then read as their defaults (0), the values the
    allocation wrote.

    The variants:
      Unsafe       plain fields, plain reference. Racy: a partly built object may be seen.
      FinalFields  the same, but the fields are final. JLS 17.5: a thread that sees a
                   reference to an object after its constructor finished sees the correct
                   values of its final fields, with or without a data race on the reference.
                   HotSpot honours this with a barrier at the end of such a constructor.
                   Fixed: "0" to "3" are forbidden. (Only the final fields are protected;
                   a plain field next to them would be as exposed as in Unsafe.)

    Honestly, about x86_64: this race is allowed by the rules but is hard to catch there. The
    CPU keeps stores in order (TSO), so only the JIT could expose it, by moving the store of
    the reference above the constructor's stores, and in the run below none of the
    configurations (interpreter, C1, C2, C2 with its stress flags) did: Unsafe showed only
    "-1" and "4", like FinalFields. That is why Unsafe carries no @Observable. The same code
    on AArch64, where stores may become visible out of order, is the place to catch it; a
    "Partly constructed" count there, and a zero here, would be the expected difference.

    Result on 2 vCPUs, AMD EPYC (x86_64), Linux 6.18, Temurin JDK 25, jcstress 0.16
    -m quick -sc false, results across all configurations:

    Unsafe:
      RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
          -1  60,410,818   58.50%   Acceptable  Object not seen yet.
           0           0    0.00%  Interesting  Partly constructed: some fields still default.
           1           0    0.00%  Interesting  Partly constructed: some fields still default.
           2           0    0.00%  Interesting  Partly constructed: some fields still default.
           3           0    0.00%  Interesting  Partly constructed: some fields still default.
           4  42,861,706   41.50%   Acceptable  Object seen fully constructed.

    FinalFields:
      RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
          -1  66,936,293   65.13%  Acceptable  Object not seen yet.
           0           0    0.00%   Forbidden  Partly constructed: final fields forbid it.
           1           0    0.00%   Forbidden  Partly constructed: final fields forbid it.
           2           0    0.00%   Forbidden  Partly constructed: final fields forbid it.
           3           0    0.00%   Forbidden  Partly constructed: final fields forbid it.
           4  35,844,711   34.87%  Acceptable  Object seen fully constructed.

    Exercise: a fix that needs no final: make `shared` volatile in Unsafe (a release on the
    writer's side, an acquire on the reader's). Which other ways of publishing an object
    safely can you name? (Hint: the answers include a static initialiser, a lock, and a
    BlockingQueue as in Communication_01.)
 */
@Lesson(topic = NotesTopic.RACE_CONDITIONS,
        notes = "Races occur due to communication",
        claim = "An object published through a plain field may be seen before its constructor's writes.",
        race = {"0", "1", "2", "3"})
public class Communication_03_UnsafePublication {

    @JCStressTest
    @Outcome(id = "-1",                 expect = ACCEPTABLE,             desc = "Object not seen yet.")
    @Outcome(id = "4",                  expect = ACCEPTABLE,             desc = "Object seen fully constructed.")
    @Outcome(id = {"0", "1", "2", "3"}, expect = ACCEPTABLE_INTERESTING, desc = "Partly constructed: some fields still default.")
    @State
    public static class Unsafe {
        static final class Point {
            int a, b, c, d;

            Point(int v) {
                a = v;
                b = v;
                c = v;
                d = v;
            }
        }

        Point shared;

        @Actor
        public void publisher() {
            shared = new Point(1);
        }

        @Actor
        public void consumer(I_Result r) {
            Point p = shared;
            r.r1 = (p == null) ? -1 : p.a + p.b + p.c + p.d;
        }
    }

    @JCStressTest
    @Outcome(id = "-1",                 expect = ACCEPTABLE, desc = "Object not seen yet.")
    @Outcome(id = "4",                  expect = ACCEPTABLE, desc = "Object seen fully constructed.")
    @Outcome(id = {"0", "1", "2", "3"}, expect = FORBIDDEN,  desc = "Partly constructed: final fields forbid it.")
    @State
    public static class FinalFields {
        static final class Point {
            final int a, b, c, d;

            Point(int v) {
                a = v;
                b = v;
                c = v;
                d = v;
            }
        }

        Point shared;

        @Actor
        public void publisher() {
            shared = new Point(1);
        }

        @Actor
        public void consumer(I_Result r) {
            Point p = shared;
            r.r1 = (p == null) ? -1 : p.a + p.b + p.c + p.d;
        }
    }
}
