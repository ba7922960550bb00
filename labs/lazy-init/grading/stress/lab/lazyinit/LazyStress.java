package lab.lazyinit;

import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.I_Result;
import org.racelab.stress.Lesson;
import org.racelab.stress.NotesTopic;

import static org.openjdk.jcstress.annotations.Expect.*;

/*
    The notes say:  Outcome depends on non-deterministic ordering

    Lazy initialisation is check-then-act: "is there an object yet? no: make one". If two
    threads both check before either has stored its object, both make one:

        thread 1: value == null? yes
                                  thread 2: value == null? yes
        thread 1: value = make()   (1st)
                                  thread 2: value = make()   (2nd)   -> made twice

    CreatedOnce: two threads call get() on a fresh Lazy at the same time; the arbiter counts
    how often the factory ran. "1" is the only right answer; "2" is FORBIDDEN: the object was
    made twice (and the two callers may hold different objects).

    SafePublication: the factory makes a Box whose constructor writes 42 into a plain field.
    One thread calls get(), the other calls get() and reads box.value. "0" is FORBIDDEN: the
    reader found the object but not its constructor's write. That is what double-checked
    locking WITHOUT volatile allows: the reader checks the field outside the lock, and nothing
    orders the constructor's write before the publishing write for a thread that takes no
    lock. On x86_64 neither the CPU (its stores stay in order) nor, in practice, HotSpot's JIT
    makes it happen: on 2 vCPUs at the quick profile this test saw no "0" for that mistake
    (see task.md). It can show on AArch64. So the mistake is graded by LazyPublicationTest
    too, which reads the compiled get() and finds the field read outside the lock.
 */
@Lesson(topic = NotesTopic.RACE_CONDITIONS,
        notes = "Outcome depends on non-deterministic ordering",
        claim = "A lazy initialisation creates its object once only if the check and the creation are one step to every other thread, and the object is published safely.",
        race = {})
public class LazyStress {

    @JCStressTest
    @Outcome(id = "1", expect = ACCEPTABLE, desc = "The factory ran once; both callers got its object.")
    @Outcome(id = "2", expect = FORBIDDEN,  desc = "Created twice: both threads saw no object yet, and each ran the factory.")
    @Outcome(          expect = FORBIDDEN,  desc = "The factory ran a wrong number of times for two calls of get().")
    @State
    public static class CreatedOnce {
        final AtomicInteger made = new AtomicInteger();
        final Lazy<Object> lazy = new Lazy<>(() -> {
            made.incrementAndGet();
            return new Object();
        });

        @Actor
        public void first() {
            lazy.get();
        }

        @Actor
        public void second() {
            lazy.get();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = made.get();
        }
    }

    /** What the factory of SafePublication makes: one plain field, written by the constructor. */
    static final class Box {
        int value;

        Box() {
            value = 42;
        }
    }

    @JCStressTest
    @Outcome(id = "42", expect = ACCEPTABLE, desc = "The reader saw the object with its constructor's write.")
    @Outcome(id = "0",  expect = FORBIDDEN,  desc = "Unsafe publication: the reader found the object before its constructor's write; the field read outside the lock is not volatile.")
    @Outcome(           expect = FORBIDDEN,  desc = "The reader saw a value nobody wrote.")
    @State
    public static class SafePublication {
        final Lazy<Box> lazy = new Lazy<>(Box::new);

        @Actor
        public void maker() {
            lazy.get();
        }

        @Actor
        public void reader(I_Result r) {
            r.r1 = lazy.get().value;
        }
    }
}
