package lab.stopworker;

/**
 * A worker that stops when asked. The flag is volatile: the loop must read it from memory on
 * every pass (the JIT may not keep it in a register of the worker's own), and the write of
 * the thread that asks is seen by the worker in finite time.
 */
public class Worker implements Runnable {

    private volatile boolean stopRequested;
    private long steps;

    @Override
    public void run() {
        while (!stopRequested) {
            steps++;
        }
    }

    public void requestStop() {
        stopRequested = true;
    }

    public long steps() {
        return steps;
    }
}
