package lab.stopworker;

public class Worker implements Runnable {

    private boolean stopRequested;
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
