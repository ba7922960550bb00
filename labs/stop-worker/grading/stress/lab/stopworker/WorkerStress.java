package lab.stopworker;

import org.openjdk.jcstress.annotations.*;
import org.racelab.stress.Lesson;
import org.racelab.stress.NotesTopic;

import static org.openjdk.jcstress.annotations.Expect.*;

/*
    The notes say:  Threads share some context

    What the threads of a process share is memory: the heap, where the worker's flag lives.
    What each thread keeps to itself is its registers and its stack. A loop whose flag the JIT
    has moved into a register, or that the programmer copied into a local variable, reads the
    thread's own copy, not the shared field, and never sees another thread's write.

    This is a JCStress termination test. The actor runs the worker (worker.run()); once it is
    running, the @Signal method asks it to stop (worker.requestStop()) from another thread.
    JCStress then waits for the actor to finish.
      TERMINATED: the worker saw the request and returned.
      STALE (FORBIDDEN): the worker never saw the request; JCStress gave up waiting and had to
        kill the fork. A plain boolean flag: the JIT reads it once, before the loop, and
        compiles "if (!stop) for (;;) steps++;" (it does so as soon as the loop is compiled,
        which in the catalog's spin loop happened in every compiled configuration; the
        interpreter re-reads the field and terminates). The flag copied into a local: the
        loop never looks at the field again, compiled or not.
 */
@JCStressTest(Mode.Termination)
@Lesson(topic = NotesTopic.THREADS_VS_PROCESSES,
        notes = "Threads share some context",
        claim = "Threads share their process's memory but not their registers: a worker sees a stop request written by another thread only if its loop really reads the shared field each time.",
        race = {})
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The worker saw the stop request and returned.")
@Outcome(id = "STALE",      expect = FORBIDDEN,  desc = "The worker never saw the stop request: its loop reads a copy of the flag (a register or a local), not the shared field.")
@State
public class WorkerStress {

    private final Worker worker = new Worker();

    @Actor
    public void work() {
        worker.run();
    }

    @Signal
    public void stop() {
        worker.requestStop();
    }
}
