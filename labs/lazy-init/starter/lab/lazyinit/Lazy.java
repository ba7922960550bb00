package lab.lazyinit;

import java.util.function.Supplier;

/**
 * A value made on first use: the factory runs on the first get(), and every later get(), from
 * any thread, returns that same object. The factory is called at most once: it may be expensive,
 * or it may open something that must exist only once.
 *
 * As handed out, get() is unfinished: it calls the factory every time.
 */
public class Lazy<T> {

    private final Supplier<T> factory;

    /** @param factory makes the value; it never returns null */
    public Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    /** The value: made by the factory on the first call, the same object on every call after it. */
    public T get() {
        // TODO: call the factory once, from whichever thread comes first, and hand every
        // caller that one object.
        return factory.get();
    }
}
