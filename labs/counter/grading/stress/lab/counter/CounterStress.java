package lab.counter;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.I_Result;
import org.racelab.stress.Lesson;
import org.racelab.stress.NotesTopic;

import static org.openjdk.jcstress.annotations.Expect.*;

/*
    The notes say:  i += 1 → reads i, increases i, writes i

    What is tested: two threads each call increment() once on a fresh Counter, at the same
    time; once both are done, get() must say 2. The three steps of an increment (read,
    add, write) must not let another thread's write land between them:

        thread 1: read count (0)
                                  thread 2: read count (0)
        thread 1: add, write 1
                                  thread 2: add, write 1      -> 1: one update lost

    "1" is FORBIDDEN: it is the lost update. "0" would mean that neither increment was seen
    after both had returned. Anything else is a counter that counts wrong.

    The mistakes this catches (each seen as "1" on 2 vCPUs, x86_64, quick profile):
      - count++ on a plain int: three steps, nothing makes them one.
      - volatile int: each read and write is visible at once, but += is still a read
        followed by a write. Visibility is not atomicity.
      - AtomicInteger used as count.set(count.get() + 1): two atomic steps are not one
        atomic step; the other thread can set in between.
      - synchronized (new Object()): a lock nobody else holds excludes nobody.
 */
@JCStressTest
@Lesson(topic = NotesTopic.INTERLEAVINGS,
        notes = "i += 1 → reads i, increases i, writes i",
        claim = "A counter that many threads increment loses no update only if its read-add-write is one atomic step.",
        race = {})
@Outcome(id = "2", expect = ACCEPTABLE, desc = "Both increments counted.")
@Outcome(id = "1", expect = FORBIDDEN,  desc = "Two increments read the same value, one update was lost.")
@Outcome(id = "0", expect = FORBIDDEN,  desc = "Neither increment is seen after both returned.")
@Outcome(          expect = FORBIDDEN,  desc = "The counter counted wrong: two increments from 0 must give 2.")
@State
public class CounterStress {

    private final Counter counter = new Counter();

    @Actor
    public void actor1() {
        counter.increment();
    }

    @Actor
    public void actor2() {
        counter.increment();
    }

    @Arbiter
    public void arbiter(I_Result r) {
        r.r1 = counter.get();
    }
}
