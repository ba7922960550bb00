package lab.stopworker;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/*
    The worker on a thread of its own, asked to stop by the test's thread. The waits are
    bounded and the worker threads are daemons: a worker that never stops fails the test and
    does not keep the JVM alive. A correct worker stops within microseconds of the request; the
    bound is 30 s, for a 2-CPU machine under heavy load.
 */
class WorkerTest {

    private static final long WAIT_MILLIS = 30_000;

    @Test
    void aStopRequestedBeforeRunMakesRunReturnAtOnce() throws InterruptedException {
        Worker w = new Worker();
        w.requestStop();
        Thread t = daemon(w);
        t.start();
        t.join(WAIT_MILLIS);
        assertFalse(t.isAlive(), "run() did not return although the stop was requested before it started");
    }

    @Test
    void aRunningWorkerStopsWhenAskedFromAnotherThread() throws InterruptedException {
        Worker w = new Worker();
        Thread t = daemon(w);
        t.start();
        Thread.sleep(500); // long enough for the loop to be compiled, as a real worker's would be
        w.requestStop();
        t.join(WAIT_MILLIS);
        assertFalse(t.isAlive(), "the worker never stopped: " + WAIT_MILLIS / 1000
                + " s after requestStop() it was still looping; its loop does not see the shared flag");
    }

    @Test
    void theWorkerWorksUntilAsked() throws InterruptedException {
        Worker w = new Worker();
        Thread t = daemon(w);
        t.start();
        Thread.sleep(100);
        w.requestStop();
        t.join(WAIT_MILLIS);
        assertFalse(t.isAlive(), "the worker never stopped");
        assertTrue(w.steps() > 0, "the worker did no step in 100 ms of running");
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "worker");
        t.setDaemon(true);
        return t;
    }
}
