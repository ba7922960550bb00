package lab.lazyinit;

import java.util.function.Supplier;

public class Lazy<T> {

    private final Supplier<T> factory;
    private volatile T value;

    public Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    public T get() {
        synchronized (new Object()) {
            if (value == null) {
                value = factory.get();
            }
            return value;
        }
    }
}
