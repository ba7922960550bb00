package lab.counter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the counter does for one thread: starts at 0, counts every increment, get() changes nothing. */
class CounterTest {

    @Test
    void startsAtZero() {
        assertEquals(0, new Counter().get(), "a new counter must read 0");
    }

    @Test
    void countsEveryIncrement() {
        Counter c = new Counter();
        for (int i = 1; i <= 1000; i++) {
            c.increment();
            assertEquals(i, c.get(), "after " + i + " increments");
        }
    }

    @Test
    void getChangesNothing() {
        Counter c = new Counter();
        c.increment();
        c.get();
        c.get();
        assertEquals(1, c.get(), "get() must not change the count");
    }

    @Test
    void countersAreIndependent() {
        Counter a = new Counter();
        Counter b = new Counter();
        a.increment();
        a.increment();
        b.increment();
        assertEquals(2, a.get(), "the first counter");
        assertEquals(1, b.get(), "the second counter: no state may be shared between counters");
    }
}
