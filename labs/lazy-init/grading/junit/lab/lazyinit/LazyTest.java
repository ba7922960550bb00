package lab.lazyinit;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What a Lazy does for one thread. */
class LazyTest {

    @Test
    void theFactoryDoesNotRunBeforeTheFirstGet() {
        AtomicInteger made = new AtomicInteger();
        new Lazy<>(() -> {
            made.incrementAndGet();
            return "x";
        });
        assertEquals(0, made.get(), "the factory ran before anyone asked for the value: that is not lazy");
    }

    @Test
    void theFirstGetRunsTheFactoryOnce() {
        AtomicInteger made = new AtomicInteger();
        Lazy<Object> lazy = new Lazy<>(() -> {
            made.incrementAndGet();
            return new Object();
        });
        lazy.get();
        assertEquals(1, made.get(), "one get(), one call of the factory");
    }

    @Test
    void everyGetReturnsTheSameObject() {
        AtomicInteger made = new AtomicInteger();
        Lazy<Object> lazy = new Lazy<>(() -> {
            made.incrementAndGet();
            return new Object();
        });
        Object first = lazy.get();
        for (int i = 0; i < 100; i++) {
            assertSame(first, lazy.get(), "get() number " + (i + 2) + " returned another object");
        }
        assertEquals(1, made.get(), "101 calls of get(), but the factory must run once");
    }

    @Test
    void twoLazyValuesAreIndependent() {
        Lazy<String> a = new Lazy<>(() -> "a");
        Lazy<String> b = new Lazy<>(() -> "b");
        assertEquals("a", a.get());
        assertEquals("b", b.get());
    }
}
