package org.racelab.bench.fanout;

import org.openjdk.jmh.annotations.*;
import org.racelab.bench.BenchJvm;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/*
    The notes: "Many goroutines execute within a single OS thread". This is where it pays:
    tasks that mostly wait.

    Measured: THROUGHPUT (higher is better). One operation hands out N tasks at once and waits
    for all of them; each task blocks for 10 ms (Thread.sleep, standing in for a call to a
    database or a remote service) and does nothing else. The primary figure is fan-outs per
    second; the secondary figure "tasks" is tasks per second.

      platformPool       a warm pool of 200 platform threads, the usual server setup
                         (JEP 444's example uses a pool of 200)
      platformPerTask    a new platform thread per task
      virtualPerTask     a new virtual thread per task

    What to expect: a pool of P threads finishes at most P tasks per 10 ms, whatever N is.
    A platform thread per task pays a kernel thread (stack, clone, scheduling) per task. A
    virtual thread per task costs a small object, and a sleeping virtual thread holds no
    carrier: N tasks finish in about 10 ms plus the cost of starting them. This is JEP 444's
    argument: throughput grows with the number of tasks in flight (Little's law), and virtual
    threads let that number grow.

    Traps avoided:
      - The pool is made and pre-started once per trial, not per operation.
      - The caller waits on a latch until the last task has finished; the latch count (0) is
        returned to JMH, and the tasks' completions are counted into "tasks".
      - No Level.Invocation fixtures; one operation lasts 10 ms or more.

    Run it alone:  java -jar benchmarks/target/benchmarks.jar BlockingFanOut
*/
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX})
@State(Scope.Benchmark)
public class BlockingFanOut {

    static final int POOL_SIZE = 200;
    static final long BLOCK_MS = 10;

    @Param({"100", "1000", "10000"})
    public int tasks;

    private ThreadPoolExecutor pool;

    private static final Runnable BLOCK = () -> {
        try {
            Thread.sleep(BLOCK_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    @Setup(Level.Trial)
    public void startPool() {
        pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(POOL_SIZE);
        pool.prestartAllCoreThreads();
    }

    @TearDown(Level.Trial)
    public void stopPool() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
    }

    @Benchmark
    public long platformPool(TaskCount count) throws InterruptedException {
        count.tasks += tasks;
        return FanOut.pool(pool, tasks, BLOCK);
    }

    @Benchmark
    public long platformPerTask(TaskCount count) throws InterruptedException {
        count.tasks += tasks;
        return FanOut.threadPerTask(Thread.ofPlatform(), tasks, BLOCK);
    }

    @Benchmark
    public long virtualPerTask(TaskCount count) throws InterruptedException {
        count.tasks += tasks;
        return FanOut.threadPerTask(Thread.ofVirtual(), tasks, BLOCK);
    }

}
