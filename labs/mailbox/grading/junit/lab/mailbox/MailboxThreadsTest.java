package lab.mailbox;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.fail;

/*
    Two producers and two consumers share one mailbox: each producer puts LETTERS distinct
    numbers, each consumer takes LETTERS. Every number must be taken exactly once, and no take
    may return null.

    What it catches, that one putter and one taker (MailboxStress) cannot:
      - "if" instead of "while" around wait(): notifyAll() wakes both consumers when one letter
        arrives; the one that loses the race goes on past its "if" and takes from an empty slot
        (null, or a letter taken twice), and a producer woken the same way overwrites a letter
        that nobody took.
      - notify() instead of notifyAll(): producers and consumers wait on the same monitor, and
        notify() wakes any one of them. A consumer's notify() can wake the other consumer
        instead of a producer; it finds the slot empty and waits again; now every thread
        waits, and nobody is left to wake anyone: a lost wake-up. The test sees all four
        threads WAITING with no letter moved for a second, and says so at once.

    Sizes: 20,000 letters per producer, 40,000 hand-offs. The reference solution took well under
    10 s for them on a 2-vCPU machine under heavy load (load average 15); the bound is 60 s. A
    hang is reported as soon as it is certain: every thread still running in wait() for two
    samples a second apart with no letter moved (nobody is left to wake them), or no letter
    moved at all for 10 s. The threads are
    daemons: a stuck mailbox does not keep the JVM alive after the test.
 */
class MailboxThreadsTest {

    private static final int LETTERS = 20_000;
    private static final long WAIT_SECONDS = 60;
    private static final long STALL_SECONDS = 10;

    @Test
    void twoProducersAndTwoConsumersHandOverEveryLetterOnce() throws InterruptedException {
        Mailbox<Integer> box = new Mailbox<>();
        AtomicIntegerArray taken = new AtomicIntegerArray(2 * LETTERS);
        AtomicLong nulls = new AtomicLong();
        AtomicLong moved = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            int first = p * LETTERS;
            threads.add(daemon("producer " + (p + 1), start, () -> {
                for (int i = 0; i < LETTERS; i++) {
                    box.put(first + i);
                }
            }));
        }
        for (int c = 0; c < 2; c++) {
            threads.add(daemon("consumer " + (c + 1), start, () -> {
                for (int i = 0; i < LETTERS; i++) {
                    Integer v = box.take();
                    moved.incrementAndGet();
                    if (v == null) {
                        nulls.incrementAndGet();
                    } else if (v >= 0 && v < 2 * LETTERS) {
                        taken.incrementAndGet(v);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        long lastMoved = -1;
        long lastProgress = System.nanoTime();
        boolean allWaitingBefore = false;
        String hang = null;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            if (System.nanoTime() > deadline) {
                hang = "the producers and consumers did not finish in " + WAIT_SECONDS + " s (" + moved.get()
                        + " of " + 2 * LETTERS + " letters taken): " + states(threads);
                break;
            }
            threads.get(0).join(1000);
            long now = moved.get();
            if (now != lastMoved) {
                lastProgress = System.nanoTime();
            }
            // Every thread still running is in wait(), and was a second ago too, with nothing moved:
            // nobody is left to call notify, so they wait for ever.
            boolean allWaiting = threads.stream().filter(Thread::isAlive)
                    .allMatch(t -> t.getState() == Thread.State.WAITING);
            if (allWaiting && allWaitingBefore && now == lastMoved) {
                hang = threads.stream().allMatch(Thread::isAlive)
                        ? "the threads never finished: a lost wake-up. All four producers and consumers are waiting"
                          + " and nobody is left to wake them (" + now + " of " + 2 * LETTERS + " letters taken):"
                          + " notify() woke a thread of the wrong kind, which went back to waiting; wake them all"
                        : "the threads that are left wait for ever (" + now + " of " + 2 * LETTERS
                          + " letters taken): " + states(threads);
                break;
            }
            if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(STALL_SECONDS)) {
                hang = "no letter moved for " + STALL_SECONDS + " s (" + now + " of " + 2 * LETTERS
                        + " letters taken): " + states(threads);
                break;
            }
            allWaitingBefore = allWaiting;
            lastMoved = now;
        }
        String lost = check(taken, nulls.get(), hang == null);
        if (hang != null || lost != null) {
            fail(lost == null ? hang : hang == null ? lost : lost + "; and " + hang);
        }
    }

    /** What went wrong with the letters, or null if nothing. */
    private static String check(AtomicIntegerArray taken, long nulls, boolean finished) {
        int twice = 0;
        int never = 0;
        for (int i = 0; i < taken.length(); i++) {
            if (taken.get(i) > 1) {
                twice++;
            } else if (taken.get(i) == 0) {
                never++;
            }
        }
        List<String> faults = new ArrayList<>();
        if (nulls > 0) {
            faults.add(nulls + " take() calls returned null: a taker went on without a letter in the slot");
        }
        if (twice > 0) {
            faults.add(twice + " letters were taken twice");
        }
        if (finished && never > 0) {
            faults.add(never + " letters were never taken: a put overwrote a letter nobody had taken");
        }
        return faults.isEmpty() ? null : String.join("; ", faults)
                + " (a thread must wait until it may go on, and a thread woken from wait() must check again,"
                + " in a while loop: another thread may have got there first)";
    }

    private interface Body {
        void run() throws InterruptedException;
    }

    private static Thread daemon(String name, CountDownLatch start, Body body) {
        Thread t = new Thread(() -> {
            try {
                start.await();
                body.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    private static String states(List<Thread> threads) {
        StringBuilder s = new StringBuilder();
        for (Thread t : threads) {
            s.append(s.length() == 0 ? "" : ", ").append(t.getName()).append(' ').append(t.getState());
        }
        return s.toString();
    }
}
