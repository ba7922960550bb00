package lab.mailbox;

public class Mailbox<T> {

    private T value;
    private volatile boolean full;

    public void put(T v) throws InterruptedException {
        if (v == null) {
            throw new NullPointerException("a mailbox carries no null");
        }
        while (full) {
            Thread.onSpinWait();
        }
        full = true;                 // the flag goes up first...
        value = v;                   // ...and the value follows it, unordered for the reader
    }

    public T take() throws InterruptedException {
        while (!full) {
            Thread.onSpinWait();
        }
        T v = value;
        value = null;
        full = false;
        return v;
    }
}
