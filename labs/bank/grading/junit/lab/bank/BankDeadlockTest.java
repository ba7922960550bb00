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
    a 2-vCPU machine under heavy load; the bound is 60 s. A deadlock is for ever, so the test
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
