package lab.stopworker;

public class Worker implements Runnable {

    private volatile boolean stopRequested;
    private long steps;

    @Override
    public void run() {
        boolean stop = stopRequested;   // read once, "to save the volatile reads"
        while (!stop) {
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
