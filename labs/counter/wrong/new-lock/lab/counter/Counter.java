package lab.counter;

public class Counter {

    private int count;

    public void increment() {
        Object lock = new Object();
        synchronized (lock) {
            count++;
        }
    }

    public int get() {
        Object lock = new Object();
        synchronized (lock) {
            return count;
        }
    }
}
