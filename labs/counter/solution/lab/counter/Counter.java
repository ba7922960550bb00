package lab.counter;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A counter that loses no update: the read, the add and the write are one atomic step
 * (a LOCK XADD on x86_64), so no other thread's write can land in the middle.
 */
public class Counter {

    private final AtomicInteger count = new AtomicInteger();

    /** Adds one. Safe to call from many threads at once. */
    public void increment() {
        count.incrementAndGet();
    }

    /** The number of increments that have completed. */
    public int get() {
        return count.get();
    }
}
