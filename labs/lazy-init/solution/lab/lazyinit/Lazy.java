package lab.lazyinit;

import java.util.function.Supplier;

/**
 * A value made once, on first use. Double-checked locking done right: the field is volatile, so
 * a thread that reads it without the lock and finds the object also sees everything the factory
 * wrote into it (the volatile write publishes, the volatile read acquires). The check that
 * decides whether to call the factory is repeated under the lock, so only one thread calls it.
 */
public class Lazy<T> {

    private final Supplier<T> factory;
    private final Object lock = new Object();
    private volatile T value;

    public Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    public T get() {
        T v = value;
        if (v == null) {
            synchronized (lock) {
                v = value;
                if (v == null) {
                    v = factory.get();
                    value = v;
                }
            }
        }
        return v;
    }
}
