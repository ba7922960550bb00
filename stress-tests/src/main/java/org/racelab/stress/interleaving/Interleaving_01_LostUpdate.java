package org.racelab.stress.interleaving;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.I_Result;
import org.racelab.stress.Lesson;
import org.racelab.stress.NotesTopic;
import org.racelab.stress.Observable;

import static org.openjdk.jcstress.annotations.Expect.*;

/*
    The notes say:  i += 1 → reads i, increases i, writes i

    One line of Java is three steps for the machine: a load, an add and a store. When two
    threads run "i += 1" at the same time, the other thread's three steps can fall between
    ours, on another core or after a context switch:

        thread 1: read i (0)
                                  thread 2: read i (0)
        thread 1: add, write 1
                                  thread 2: add, write 1      -> i == 1, one update lost

    Each test below starts from i == 0, runs "i += 1" in two actors at once, and lets the
    arbiter read i once both are done. "2" is what running the two tasks one after the other
    gives; "1" is the lost update, the race this case is about.

    What to look for:

      - Plain: "1" in every configuration of a quick run. Nothing makes the three steps one.

      - Volatile: "1" as well. volatile makes each read and each write visible and ordered,
        but "i += 1" is still a volatile read followed by a volatile write, and the other
        thread's write can land between the two. Visibility is not atomicity.

      - AtomicInteger, VarHandleGetAndAdd: the read-add-write is one atomic instruction
        (LOCK XADD on x86_64), so no other write can land in the middle. "1" is forbidden.

      - Synchronized, ReentrantLock: the three steps still run one by one, but only one
        thread at a time may run them: mutual exclusion instead of a special instruction.

      - LongAdder: each thread may add into a cell of its own, and sum() adds the cells up.
        No update is lost, and under heavy contention it is cheaper than one hot
        AtomicInteger. The price: sum() is no snapshot while writers still run (here the
        arbiter runs after both actors, so it is exact).

      - PlainFourActors: four threads, so one, two or three updates can be lost. JCStress
        needs a CPU per actor; on a 2-CPU machine it silently skips this test (it prints
        "4 actors: No scheduling is possible, these tests would not run." in the header and
        leaves the test out of the results), so no table for it below. Run it on 4 CPUs
        or more.

    On 2 vCPUs, AMD EPYC (x86_64), Linux 6.18, Temurin JDK 25, jcstress 0.16 -m quick -sc false:

      Plain:
        RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
             1  16,231,607   20.79%  Interesting  One update lost: both read 0, both wrote 1.
             2  61,830,037   79.21%   Acceptable  Both updates counted.

      Volatile:
        RESULT     SAMPLES     FREQ       EXPECT  DESCRIPTION
             1   5,740,942   27.72%  Interesting  One update lost: volatile does not make += atomic.
             2  14,966,462   72.28%   Acceptable  Both updates counted.

      AtomicInteger:
        RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
             1           0    0.00%   Forbidden  One update lost.
             2  24,823,884  100.00%  Acceptable  Both updates counted.

      Synchronized:
        RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
             1           0    0.00%   Forbidden  One update lost.
             2  18,116,684  100.00%  Acceptable  Both updates counted.

      ReentrantLock:
        RESULT    SAMPLES     FREQ      EXPECT  DESCRIPTION
             1          0    0.00%   Forbidden  One update lost.
             2  6,125,644  100.00%  Acceptable  Both updates counted.

      VarHandleGetAndAdd:
        RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
             1           0    0.00%   Forbidden  One update lost.
             2  46,399,564  100.00%  Acceptable  Both updates counted.

      LongAdder:
        RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
             1           0    0.00%   Forbidden  One update lost.
             2  24,567,884  100.00%  Acceptable  Both updates counted.

    On AArch64 the same outcomes are expected: a lost update is a matter of atomicity, not
    of memory ordering, so the weaker memory model adds no outcome here, only other
    frequencies. The atomic variants compile to LDADD (ARMv8.1 LSE) or to an LDXR/STXR
    retry loop there instead of LOCK XADD.

    Exercise: write "i += 1" as "i++" and as "i = i + 1" and check that nothing changes.
    Then let each actor of Volatile report the value it wrote (II_Result, no arbiter).
    Which pairs can you see, and which one proves that an update was lost?
 */
@Lesson(topic = NotesTopic.INTERLEAVINGS,
        notes = "i += 1 → reads i, increases i, writes i",
        claim = "Two threads that each add one to a shared int can lose an update.",
        race = "1")
public class Interleaving_01_LostUpdate {

    @JCStressTest
    @Observable(on = {"x86_64", "aarch64"})
    @Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "One update lost: both read 0, both wrote 1.")
    @Outcome(id = "2", expect = ACCEPTABLE,             desc = "Both updates counted.")
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

    @JCStressTest
    @Observable(on = {"x86_64", "aarch64"})
    @Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "One update lost: volatile does not make += atomic.")
    @Outcome(id = "2", expect = ACCEPTABLE,             desc = "Both updates counted.")
    @State
    public static class Volatile {
        volatile int i;

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

    @JCStressTest
    @Outcome(id = "1", expect = FORBIDDEN,  desc = "One update lost.")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "Both updates counted.")
    @State
    public static class AtomicInteger {
        final java.util.concurrent.atomic.AtomicInteger i = new java.util.concurrent.atomic.AtomicInteger();

        @Actor
        public void actor1() {
            i.incrementAndGet();
        }

        @Actor
        public void actor2() {
            i.incrementAndGet();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = i.get();
        }
    }

    @JCStressTest
    @Outcome(id = "1", expect = FORBIDDEN,  desc = "One update lost.")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "Both updates counted.")
    @State
    public static class Synchronized {
        int i;

        @Actor
        public void actor1() {
            synchronized (this) {
                i += 1;
            }
        }

        @Actor
        public void actor2() {
            synchronized (this) {
                i += 1;
            }
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = i;
        }
    }

    @JCStressTest
    @Outcome(id = "1", expect = FORBIDDEN,  desc = "One update lost.")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "Both updates counted.")
    @State
    public static class ReentrantLock {
        final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        int i;

        @Actor
        public void actor1() {
            lock.lock();
            try {
                i += 1;
            } finally {
                lock.unlock();
            }
        }

        @Actor
        public void actor2() {
            lock.lock();
            try {
                i += 1;
            } finally {
                lock.unlock();
            }
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = i;
        }
    }

    @JCStressTest
    @Outcome(id = "1", expect = FORBIDDEN,  desc = "One update lost.")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "Both updates counted.")
    @State
    public static class VarHandleGetAndAdd {
        static final VarHandle I;

        static {
            try {
                I = MethodHandles.lookup().findVarHandle(VarHandleGetAndAdd.class, "i", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        int i;

        @Actor
        public void actor1() {
            I.getAndAdd(this, 1);
        }

        @Actor
        public void actor2() {
            I.getAndAdd(this, 1);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = i;
        }
    }

    @JCStressTest
    @Outcome(id = "1", expect = FORBIDDEN,  desc = "One update lost.")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "Both updates counted.")
    @State
    public static class LongAdder {
        final java.util.concurrent.atomic.LongAdder i = new java.util.concurrent.atomic.LongAdder();

        @Actor
        public void actor1() {
            i.increment();
        }

        @Actor
        public void actor2() {
            i.increment();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = i.intValue();
        }
    }

    @JCStressTest
    @Outcome(id = {"1", "2", "3"}, expect = ACCEPTABLE_INTERESTING, desc = "One or more updates lost.")
    @Outcome(id = "4",             expect = ACCEPTABLE,             desc = "All four updates counted.")
    @Lesson(topic = NotesTopic.INTERLEAVINGS,
            notes = "i += 1 → reads i, increases i, writes i",
            claim = "Four threads that each add one to a shared int can lose one, two or three updates.",
            race = {"1", "2", "3"})
    @State
    public static class PlainFourActors {
        int i;

        @Actor
        public void actor1() {
            i += 1;
        }

        @Actor
        public void actor2() {
            i += 1;
        }

        @Actor
        public void actor3() {
            i += 1;
        }

        @Actor
        public void actor4() {
            i += 1;
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = i;
        }
    }
}
