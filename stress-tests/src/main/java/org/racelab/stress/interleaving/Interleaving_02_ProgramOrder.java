package org.racelab.stress.interleaving;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.L_Result;
import org.racelab.stress.Lesson;
import org.racelab.stress.NotesTopic;
import org.racelab.stress.Observable;

import static org.openjdk.jcstress.annotations.Expect.*;

/*
    The notes say:  Order of execution within a task is known
                    Order of execution between concurrent tasks is unknown

    Two tasks, A and B, each do two steps and write each step into a shared log: A writes
    A1 then A2, B writes B1 then B2. The log is correctly synchronized (every append takes
    the log's lock), so no entry is lost or torn and the arbiter reads a complete log. The
    result is the order the four steps went into the log.

    There are six orders that keep each task's own order. Two of them run one task entirely
    before the other ("A1 A2 B1 B2", "B1 B2 A1 A2"); the other four mix the two tasks'
    steps ("A1 B1 A2 B2", ...). The remaining orders, in which some task's second step comes
    before its first, are forbidden: they would break the first sentence of the notes.

    What to look for:

      - StepByStep: all six orders show up, and never a task's steps reversed. Within A,
        A1 precedes A2 every time (the order within a task is known); whether B1 falls
        before A1, between A1 and A2, or after A2 is up to the scheduler and the timing of
        two cores (the order between tasks is unknown). The mixed orders are the lesson,
        graded interesting; they are rare because each task's two appends follow one
        another within nanoseconds, yet a quick run catches every one of them in every
        configuration.

      - TaskHoldsLock: each task holds the log's lock across both of its steps, so a task's
        steps become one indivisible block. The mixed orders are now forbidden, and the
        lock still leaves open which task goes first: the order between the two blocks
        stays unknown, it is only no longer interleaved.

    On 2 vCPUs, AMD EPYC (x86_64), Linux 6.18, Temurin JDK 25, jcstress 0.16 -m quick -sc false:

      StepByStep:
             RESULT    SAMPLES     FREQ       EXPECT  DESCRIPTION
        A1 A2 B1 B2  7,379,382   51.95%   Acceptable  One task ran both steps before the other began.
        A1 B1 A2 B2     24,255    0.17%  Interesting  The two tasks' steps interleaved.
        A1 B1 B2 A2     95,262    0.67%  Interesting  The two tasks' steps interleaved.
        B1 A1 A2 B2     92,189    0.65%  Interesting  The two tasks' steps interleaved.
        B1 A1 B2 A2     25,558    0.18%  Interesting  The two tasks' steps interleaved.
        B1 B2 A1 A2  6,588,358   46.38%   Acceptable  One task ran both steps before the other began.

      TaskHoldsLock:
             RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
        A1 A2 B1 B2  11,559,063   52.94%  Acceptable  One task ran both steps before the other began.
        A1 B1 A2 B2           0    0.00%   Forbidden  The two tasks' steps interleaved.
        A1 B1 B2 A2           0    0.00%   Forbidden  The two tasks' steps interleaved.
        B1 A1 A2 B2           0    0.00%   Forbidden  The two tasks' steps interleaved.
        B1 A1 B2 A2           0    0.00%   Forbidden  The two tasks' steps interleaved.
        B1 B2 A1 A2  10,274,741   47.06%  Acceptable  One task ran both steps before the other began.

    The share of mixed orders changes from run to run; what does not change is that the
    forbidden orders never appear.

    On AArch64 the same outcomes are expected. Every step goes through the log's lock, and
    the lock orders the appends on any hardware, so the weaker memory model adds nothing
    here; only the frequencies would differ.

    Exercise: put some work between each task's two steps and watch the mixed orders grow.
    On this machine, with a loop of sixteen volatile increments between the steps, they made
    up about 14% of the samples, against 0.07% with the same loop run zero times. Then drop
    the log's lock, append with a plain "steps[size++] = step", and explain each new log.
 */
@Lesson(topic = NotesTopic.INTERLEAVINGS,
        notes = "Order of execution within a task is known / Order of execution between concurrent tasks is unknown",
        claim = "Each task's steps stay in program order, but the steps of two tasks mix in any order.",
        race = {"A1 B1 A2 B2", "A1 B1 B2 A2", "B1 A1 A2 B2", "B1 A1 B2 A2"})
public class Interleaving_02_ProgramOrder {

    /** A log of four steps; append is synchronized, so no entry is lost or torn. */
    static class Log {
        private final String[] steps = new String[4];
        private int size;

        synchronized void append(String step) {
            steps[size++] = step;
        }

        synchronized String order() {
            return String.join(" ", steps);
        }
    }

    @JCStressTest
    @Observable(on = {"x86_64", "aarch64"})
    @Outcome(id = {"A1 A2 B1 B2", "B1 B2 A1 A2"}, expect = ACCEPTABLE,             desc = "One task ran both steps before the other began.")
    @Outcome(id = {"A1 B1 A2 B2", "A1 B1 B2 A2",
                   "B1 A1 A2 B2", "B1 A1 B2 A2"}, expect = ACCEPTABLE_INTERESTING, desc = "The two tasks' steps interleaved.")
    @Outcome(                                     expect = FORBIDDEN,              desc = "A task's second step came before its first.")
    @State
    public static class StepByStep {
        final Log log = new Log();

        @Actor
        public void taskA() {
            log.append("A1");
            log.append("A2");
        }

        @Actor
        public void taskB() {
            log.append("B1");
            log.append("B2");
        }

        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = log.order();
        }
    }

    @JCStressTest
    @Outcome(id = {"A1 A2 B1 B2", "B1 B2 A1 A2"}, expect = ACCEPTABLE, desc = "One task ran both steps before the other began.")
    @Outcome(id = {"A1 B1 A2 B2", "A1 B1 B2 A2",
                   "B1 A1 A2 B2", "B1 A1 B2 A2"}, expect = FORBIDDEN,  desc = "The two tasks' steps interleaved.")
    @Outcome(                                     expect = FORBIDDEN,  desc = "A task's second step came before its first.")
    @State
    public static class TaskHoldsLock {
        final Log log = new Log();

        @Actor
        public void taskA() {
            synchronized (log) {
                log.append("A1");
                log.append("A2");
            }
        }

        @Actor
        public void taskB() {
            synchronized (log) {
                log.append("B1");
                log.append("B2");
            }
        }

        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = log.order();
        }
    }
}
