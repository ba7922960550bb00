package org.racelab.bench.pinning;

import org.openjdk.jmh.annotations.*;
import org.racelab.bench.BenchJvm;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/*
    The Go scheduler moves a goroutine off its OS thread when it blocks. The JDK does the same
    for a virtual thread, except, up to JDK 23, when it blocks while holding a monitor
    (inside synchronized): then the virtual thread stays "pinned" to its carrier, and the
    carrier blocks with it. JDK 24 (JEP 491) removed that case. The JDK version is recorded
    with every result (jdkVersion in the bundle), because this figure depends on it.

    Measured: LATENCY of one batch (AverageTime, lower is better): 100 virtual threads on 2
    carriers (jdk.virtualThreadScheduler.parallelism=2 and maxPoolSize=2, whatever the CPU
    count), each taking a lock of its own and sleeping 1 ms while holding it:

      insideSynchronized   sleep inside a synchronized block
      insideReentrantLock  sleep while holding a ReentrantLock

    What to expect: with ReentrantLock, each sleeping virtual thread lets go of its carrier, so
    the 100 sleeps overlap: about 1 ms per batch. With synchronized on JDK 21-23, only 2 sleep at
    a time (one per carrier): about 100 / 2 x 1 ms = 50 ms. On JDK 24 and later, the same as
    ReentrantLock. Each thread has its own lock: this measures pinning, not lock contention.

    Traps avoided:
      - maxPoolSize=2: otherwise the scheduler may add carriers to make up for pinned ones
        (it does for Object.wait), hiding the effect.
      - The batch waits on a latch for the last thread; the latch count is returned to JMH.

    Run it alone:  java -jar benchmarks/target/benchmarks.jar PinningWhileBlocking
*/
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2,
        jvmArgsPrepend = {"-Djdk.virtualThreadScheduler.parallelism=2", "-Djdk.virtualThreadScheduler.maxPoolSize=2"},
        jvmArgsAppend = {BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX})
@State(Scope.Benchmark)
public class PinningWhileBlocking {

    static final int THREADS = 100;
    static final long BLOCK_MS = 1;

    // One lock per thread, kept in fields: a lock on an object that never escapes could be
    // removed by the JIT (lock elision), and then nothing would be held while sleeping.
    private final Object[] monitors = new Object[THREADS];
    private final ReentrantLock[] locks = new ReentrantLock[THREADS];

    @Setup(Level.Trial)
    public void makeLocks() {
        for (int i = 0; i < THREADS; i++) {
            monitors[i] = new Object();
            locks[i] = new ReentrantLock();
        }
    }

    @Benchmark
    public long insideSynchronized() throws InterruptedException {
        return batch(i -> {
            synchronized (monitors[i]) {
                sleep();
            }
        });
    }

    @Benchmark
    public long insideReentrantLock() throws InterruptedException {
        return batch(i -> {
            ReentrantLock lock = locks[i];
            lock.lock();
            try {
                sleep();
            } finally {
                lock.unlock();
            }
        });
    }

    private static long batch(IntConsumer task) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(THREADS);
        for (int i = 0; i < THREADS; i++) {
            int index = i;
            Thread.ofVirtual().start(() -> {
                task.accept(index);
                done.countDown();
            });
        }
        done.await();
        return done.getCount();
    }

    private static void sleep() {
        try {
            Thread.sleep(BLOCK_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
