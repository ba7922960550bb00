package lab.mailbox;

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
        notify();
    }

    public synchronized T take() throws InterruptedException {
        while (!full) {
            wait();
        }
        T v = value;
        value = null;
        full = false;
        notify();
        return v;
    }
}
