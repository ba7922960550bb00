package org.racelab.stress.visibility;

import org.openjdk.jcstress.annotations.*;
import org.racelab.stress.Lesson;
import org.racelab.stress.NotesTopic;
import org.racelab.stress.Observable;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import static org.openjdk.jcstress.annotations.Expect.*;

/*
    Notes, Race Conditions: "Races occur due to communication."

    The simplest message of all, "stop", sent once and never arriving. One thread spins
    until a boolean turns true; another thread sets it. This is a JCStress termination test:
    the actor spins, the @Signal method sets the flag once the actor is running, and JCStress
    reports whether the actor then stopped.

    What to look for: the row "STALE". The signal was sent, and the spinning thread never
    saw it: it is still looping when JCStress gives up on it. No delay explains this; the
    write happened and the loop could run for ever.

    Why PlainFlag races: `stop` is a plain field, so the JIT may assume no other thread
    changes it while the loop runs: the loop body writes nothing that could alias it and
    calls nothing. The compiled code reads `stop` once, before the loop, and the rest is a
    loop that never reads memory at all:  if (!stop) { while (true); }. This is not the CPU:
    x86's caches are coherent, and a loop that re-read memory would see the write within
    nanoseconds. It is the JIT, and so it happens on every architecture alike, as soon as
    the spinning method is hot enough to be compiled. In the run below both of HotSpot's
    compilers did it: each fork that ran compiled code (C2 only, C1 only, C2 with its stress
    flags) finished a sample or two and then got stuck in the next, while the interpreter
    (-Xint), which re-reads the field on every pass, terminated every time. The STALE
    count is small only because JCStress has to kill a fork whose thread is stuck.

    The fixes:
      VolatileFlag  a volatile read cannot be hoisted out of the loop: each iteration reads
                    memory, and the write, being volatile, is seen in finite time. Fixed.
      OpaqueFlag    a VarHandle getOpaque / setOpaque pair: the weakest mode that still
                    promises the read is really done each time and that the write becomes
                    visible eventually ("progress"), without ordering anything else around
                    it. All a stop flag needs. Fixed.

    Topic: this case sits under Race Conditions, not Interleavings. No interleaving of the
    two threads' statements gives a loop that never ends: whatever the order, the write
    comes before some later read. The outcome depends on whether the write is communicated
    at all, which is the point of the sentence in the notes.

    Result on 2 vCPUs, AMD EPYC (x86_64), Linux 6.18, Temurin JDK 25, jcstress 0.16
    -m quick -sc false, results across all configurations:

    PlainFlag:
          RESULT  SAMPLES     FREQ       EXPECT  DESCRIPTION
           STALE        3    0.35%  Interesting  Spinner never saw the flag: its read was hoisted.
      TERMINATED      847   99.65%   Acceptable  Spinner saw the flag and stopped.

    VolatileFlag:
          RESULT  SAMPLES     FREQ      EXPECT  DESCRIPTION
           STALE        0    0.00%   Forbidden  Spinner never saw the flag: volatile forbids it.
      TERMINATED    3,288  100.00%  Acceptable  Spinner saw the flag and stopped.

    OpaqueFlag:
          RESULT  SAMPLES     FREQ      EXPECT  DESCRIPTION
           STALE        0    0.00%   Forbidden  Spinner never saw the flag: opaque forbids it.
      TERMINATED    3,225  100.00%  Acceptable  Spinner saw the flag and stopped.

    On AArch64 the table would look the same: the hoisted read is the JIT's doing, and the
    JIT hoists on every architecture.

    Exercise: put a call to Thread.onSpinWait() into PlainFlag's loop, then instead a call to
    a method that does nothing. Does either one make the loop see the flag on this machine?
    Is either a promise of the Java Memory Model, or only a habit of today's JIT?
 */
@Lesson(topic = NotesTopic.RACE_CONDITIONS,
        notes = "Races occur due to communication",
        claim = "A thread spinning on a plain boolean may never see another thread set it.",
        race = "STALE")
public class Visibility_01_SpinLoop {

    @JCStressTest(Mode.Termination)
    @Observable(on = {"x86_64", "aarch64"})
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE,             desc = "Spinner saw the flag and stopped.")
    @Outcome(id = "STALE",      expect = ACCEPTABLE_INTERESTING, desc = "Spinner never saw the flag: its read was hoisted.")
    @State
    public static class PlainFlag {
        boolean stop;

        @Actor
        public void spinner() {
            while (!stop) {
                // spin
            }
        }

        @Signal
        public void signal() {
            stop = true;
        }
    }

    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "Spinner saw the flag and stopped.")
    @Outcome(id = "STALE",      expect = FORBIDDEN,  desc = "Spinner never saw the flag: volatile forbids it.")
    @State
    public static class VolatileFlag {
        volatile boolean stop;

        @Actor
        public void spinner() {
            while (!stop) {
                // spin
            }
        }

        @Signal
        public void signal() {
            stop = true;
        }
    }

    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "Spinner saw the flag and stopped.")
    @Outcome(id = "STALE",      expect = FORBIDDEN,  desc = "Spinner never saw the flag: opaque forbids it.")
    @State
    public static class OpaqueFlag {
        static final VarHandle STOP;

        static {
            try {
                STOP = MethodHandles.lookup().findVarHandle(OpaqueFlag.class, "stop", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        boolean stop;

        @Actor
        public void spinner() {
            while (!(boolean) STOP.getOpaque(this)) {
                // spin
            }
        }

        @Signal
        public void signal() {
            STOP.setOpaque(this, true);
        }
    }
}
