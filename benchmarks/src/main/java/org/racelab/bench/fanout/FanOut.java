package org.racelab.bench.fanout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * N tasks handed out at once and waited for: by a thread per task (platform or virtual) or
 * through a warm pool. The caller waits on a latch, so the figure ends when the last task does.
 */
final class FanOut {

    private FanOut() {
    }

    static long threadPerTask(Thread.Builder builder, int tasks, Runnable task) throws InterruptedException {
        return fanOut(builder::start, tasks, task);
    }

    static long pool(ExecutorService pool, int tasks, Runnable task) throws InterruptedException {
        return fanOut(pool::execute, tasks, task);
    }

    /** Hands out the tasks through {@code start} and waits until the last one has run. */
    private static long fanOut(Consumer<Runnable> start, int tasks, Runnable task) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(tasks);
        Runnable counted = () -> {
            task.run();
            done.countDown();
        };
        for (int i = 0; i < tasks; i++) {
            start.accept(counted);
        }
        done.await();
        return done.getCount();
    }
}
