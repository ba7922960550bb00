package lab.mailbox;

/**
 * A one-slot mailbox on the object's own monitor. Each method waits in a loop for its
 * condition (a woken thread checks again: another thread may have got there first, and wait()
 * may also return spuriously), and wakes every waiter with notifyAll(): putters and takers
 * wait on the same monitor, so notify() could wake one of the wrong kind and leave the right
 * one asleep for ever. The monitor also orders the value's write before the take that reads it.
 */
public class Mailbox<T> {

    private T value;
    private boolean full;

    public synchronized void put(T v) throws InterruptedException {
        if (v == null) {
            throw new NullPointerException("a mailbox carries no null");
        }
        while (full) {
            wait();
        }
        value = v;
        full = true;
        notifyAll();
    }

    public synchronized T take() throws InterruptedException {
        while (!full) {
            wait();
        }
        T v = value;
        value = null;
        full = false;
        notifyAll();
        return v;
    }
}
