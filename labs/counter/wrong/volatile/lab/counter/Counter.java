package lab.counter;

public class Counter {

    private volatile int count;

    public void increment() {
        count += 1;
    }

    public int get() {
        return count;
    }
}
