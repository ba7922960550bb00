package lab.mailbox;

/**
 * A mailbox with one slot, handing values from the threads that put them to the threads that
 * take them. put() waits while the slot is full; take() waits while it is empty. Every value
 * put is taken exactly once, and take() never returns a value that was already taken, or
 * nothing at all.
 *
 * As handed out, nothing waits and nothing is shared safely: finish it.
 */
public class Mailbox<T> {

    private T value;
    private boolean full;

    /**
     * Puts {@code v} into the slot, waiting while the slot is full.
     *
     * @throws NullPointerException if v is null (an empty slot is not a value)
     */
    public void put(T v) throws InterruptedException {
        if (v == null) {
            throw new NullPointerException("a mailbox carries no null");
        }
        // TODO: wait while the slot is full, and wake a taker once the value is in
        value = v;
        full = true;
    }

    /** Takes the value out of the slot, leaving it empty; waits while the slot is empty. */
    public T take() throws InterruptedException {
        // TODO: wait while the slot is empty, and wake a putter once the slot is free
        T v = value;
        value = null;
        full = false;
        return v;
    }
}
