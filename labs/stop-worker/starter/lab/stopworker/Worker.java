package lab.stopworker;

/**
 * A worker that runs until another thread asks it to stop. run() works in a loop, one step at
 * a time, and returns soon after requestStop() has been called, from any thread; if the stop
 * was requested before run() started, run() returns at once.
 *
 * As handed out, the worker may never see the request: nothing makes the write of one thread
 * visible to the loop of another.
 */
public class Worker implements Runnable {

    private boolean stopRequested;
    private long steps;

    /** Works, one step at a time, until a stop is requested. */
    @Override
    public void run() {
        while (!stopRequested) {
            steps++;
        }
    }

    /** Asks the worker to stop. Called from another thread. */
    public void requestStop() {
        stopRequested = true;
    }

    /** The steps done so far; read it after run() has returned. */
    public long steps() {
        return steps;
    }
}
