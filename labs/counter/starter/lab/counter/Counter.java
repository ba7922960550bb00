package lab.counter;

/**
 * A counter that many threads increment at once. Make it lose no update.
 *
 * As handed out it works for one thread only: {@code count++} is a read, an add and a write,
 * and another thread's three steps can fall between them.
 */
public class Counter {

    private int count;

    /** Adds one. Safe to call from many threads at once. */
    public void increment() {
        count++;
    }

    /** The number of increments that have completed. */
    public int get() {
        return count;
    }
}
