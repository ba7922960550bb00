package lab.bank;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/*
    Two threads transfer at once, in opposite directions: one moves 1 from A to B, the other 1
    from B to A, TRANSFERS times each. A transfer that locks its own account and then the other
    one deadlocks here sooner or later: A->B holds A and waits for B while B->A holds B and
    waits for A. JCStress shows this as a hung test; this test names it: after a bounded wait
    it asks the JVM which threads are deadlocked (ThreadMXBean.findDeadlockedThreads) and says
    which lock each one holds and waits for.

    Sizes: 200,000 transfers each way took a few seconds at most for the reference solution on
    a 2-vCPU machine under heavy load; the bound is 60 s. How often the unlucky order comes up
    depends on the machine: on 2 vCPUs with a load average of 11 the lock-ordering mistake
    deadlocked within the run; at a load average of 20 (the two threads seldom on a CPU at the
    same instant) one run of 200,000 each way passed. So the second test below forces the order. A deadlock is for ever, so the test
    asks the JVM every 100 ms and fails as soon as it finds the two threads deadlocked. The
    threads are daemons, so a deadlocked pair does not keep the JVM alive after the test.
 */
class BankDeadlockTest {

    private static final int TRANSFERS = 200_000;
    private static final long WAIT_SECONDS = 60;

    @Test
    void oppositeTransfersFinishWithoutDeadlock() throws InterruptedException {
        Account a = new Account(1, 1_000_000);
        Account b = new Account(2, 1_000_000);
        CountDownLatch start = new CountDownLatch(1);
        int[] refused = new int[2];
        Thread aToB = transfers("transfers A->B", start, a, b, refused, 0);
        Thread bToA = transfers("transfers B->A", start, b, a, refused, 1);
        aToB.start();
        bToA.start();
        start.countDown();

        // Join with a bound; a deadlock is for ever, so it is reported as soon as the JVM finds it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while ((aToB.isAlive() || bToA.isAlive()) && System.nanoTime() < deadline) {
            aToB.join(100);
            bToA.join(1);
            if (deadlocked(aToB, bToA)) {
                break;
            }
        }
        if (aToB.isAlive() || bToA.isAlive()) {
            fail(stuck(aToB, bToA));
        }
        assertEquals(0, refused[0] + refused[1], "no transfer of 1 out of a million may be refused");
        assertEquals(2_000_000, a.balance() + b.balance(),
                "money lost or made by transfers in opposite directions: A " + a.balance() + ", B " + b.balance());
        assertEquals(1_000_000, a.balance(), "A after as many transfers in as out");
    }

    /*
        The same deadlock, made to happen instead of waited for. On a loaded machine the two
        threads above may seldom run at the same instant, and then many thousands of transfers
        can pass without the one unlucky order. Here the test itself holds B's lock: the
        transfer A->B is started and stops where it needs B (a transfer that locks A first now
        holds A); then B->A is started and stops where it needs a lock too; then the test lets
        B go. If B->A gets B, and A->B holds A, each now holds the lock the other waits for.
        Which waiting thread the JVM hands B to is its own choice (HotSpot tends to go by the
        order they arrived in), so every other attempt starts B->A first: a lock-ordering
        mistake deadlocks in the first or the second attempt. A transfer that takes
        the locks in one order for both directions (say, lower id first) cannot deadlock here:
        B->A then waits for A, which A->B holds, and A->B finishes first.
        (This drives the interleaving through the accounts' own monitors; an Account that
        locks something else, a ReentrantLock say, is not held up by it and passes through:
        then only the test above can catch its deadlock.)
     */
    private static final int ATTEMPTS = 20;

    @Test
    void oppositeTransfersNeverWaitForEachOther() throws InterruptedException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Account a = new Account(1, 100);
            Account b = new Account(2, 100);
            Thread aToB = oneTransfer("transfer A->B", a, b);
            Thread bToA = oneTransfer("transfer B->A", b, a);
            // Every other attempt the other transfer arrives first at the held lock.
            Thread first = attempt % 2 == 0 ? aToB : bToA;
            Thread second = first == aToB ? bToA : aToB;
            synchronized (b) {
                first.start();
                if (!blocked(first)) {
                    break; // it does not lock B's monitor: this interleaving cannot be forced
                }
                second.start();
                if (!blocked(second)) {
                    break;
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while ((aToB.isAlive() || bToA.isAlive()) && System.nanoTime() < deadline) {
                aToB.join(100);
                bToA.join(1);
                if (deadlocked(aToB, bToA)) {
                    fail(stuck(aToB, bToA));
                }
            }
            if (aToB.isAlive() || bToA.isAlive()) {
                fail(stuck(aToB, bToA));
            }
            assertEquals(200, a.balance() + b.balance(), "money lost or made by two transfers in opposite directions");
        }
    }

    /** Waits (up to 10 s) until t is stopped at a lock; false if it finished or never stopped. */
    private static boolean blocked(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Thread.State s = t.getState();
            if (s == Thread.State.BLOCKED) {
                return true;
            }
            if (s == Thread.State.TERMINATED) {
                return false;
            }
            Thread.sleep(1);
        }
        return false;
    }

    private static Thread oneTransfer(String name, Account from, Account to) {
        Thread t = new Thread(() -> from.transferTo(to, 10), name);
        t.setDaemon(true);
        return t;
    }

    private static Thread transfers(String name, CountDownLatch start, Account from, Account to, int[] refused, int slot) {
        Thread t = new Thread(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                return;
            }
            int no = 0;
            for (int i = 0; i < TRANSFERS; i++) {
                if (!from.transferTo(to, 1)) {
                    no++;
                }
            }
            refused[slot] = no;
        }, name);
        t.setDaemon(true);
        return t;
    }

    private static boolean deadlocked(Thread... threads) {
        long[] ids = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        if (ids == null) {
            return false;
        }
        for (long id : ids) {
            for (Thread t : threads) {
                if (t.threadId() == id) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Why the threads are still running: a deadlock, named, or too slow. */
    private static String stuck(Thread... threads) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] ids = mx.findDeadlockedThreads();
        if (ids == null) {
            return "the two transfers never finished in " + WAIT_SECONDS + " s, but the JVM finds no deadlock:"
                    + " the transfers are far too slow, or wait for something that never comes";
        }
        StringBuilder s = new StringBuilder("the two transfers never finished: deadlock.");
        for (ThreadInfo info : mx.getThreadInfo(ids, true, false)) {
            if (info == null) {
                continue;
            }
            s.append(" '").append(info.getThreadName()).append("' waits for ").append(info.getLockName())
                    .append(", held by '").append(info.getLockOwnerName()).append("'");
            if (info.getLockedMonitors().length > 0) {
                s.append(" (it holds ").append(info.getLockedMonitors()[0]).append(")");
            }
            s.append(';');
        }
        return s.append(" take the two locks in the same order in every transfer").toString();
    }
}
