package org.racelab.bench.fanout;

import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Blackhole;
import org.racelab.bench.BenchJvm;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/*
    The other half of the story: tasks that compute and never wait. Virtual threads do not
    make a CPU faster; with N CPUs, at most N tasks make progress at once, whatever runs them.

    Measured: THROUGHPUT (higher is better). One operation hands out N tasks at once and waits
    for all of them; each task burns a fixed amount of CPU (Blackhole.consumeCPU(20 000),
    roughly 20-40 us here). Primary figure: fan-outs per second; secondary "tasks": tasks/s.

      platformPool       a warm pool with one platform thread per CPU, the usual choice for
                         CPU-bound work
      platformPerTask    a new platform thread per task
      virtualPerTask     a new virtual thread per task (carriers: one per CPU)

    What to expect: the pool and the virtual threads within a few percent of each other (both
    keep every CPU busy with little overhead); a platform thread per task pays for thread
    creation and for the kernel time-slicing more runnable threads than CPUs.

    Traps avoided:
      - Blackhole.consumeCPU cannot be optimised away and burns time linearly in its argument:
        the work is the same in every variant.
      - The pool is pre-started once per trial. No Level.Invocation fixtures.

    Run it alone:  java -jar benchmarks/target/benchmarks.jar CpuBoundFanOut
*/
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX})
@State(Scope.Benchmark)
public class CpuBoundFanOut {

    static final long WORK_TOKENS = 20_000;

    @Param({"100", "1000", "10000"})
    public int tasks;

    private ThreadPoolExecutor pool;

    private static final Runnable COMPUTE = () -> Blackhole.consumeCPU(WORK_TOKENS);

    @Setup(Level.Trial)
    public void startPool() {
        pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
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
        return FanOut.pool(pool, tasks, COMPUTE);
    }

    @Benchmark
    public long platformPerTask(TaskCount count) throws InterruptedException {
        count.tasks += tasks;
        return FanOut.threadPerTask(Thread.ofPlatform(), tasks, COMPUTE);
    }

    @Benchmark
    public long virtualPerTask(TaskCount count) throws InterruptedException {
        count.tasks += tasks;
        return FanOut.threadPerTask(Thread.ofVirtual(), tasks, COMPUTE);
    }
}
