package org.racelab.bench.start;

import org.openjdk.jmh.annotations.*;
import org.racelab.bench.BenchJvm;
import org.racelab.bench.VirtualDriver;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/*
    The notes: "Many threads can exist in one process", "Many goroutines execute within a
    single OS thread". What does one more thread cost?

    Measured: one thread started and joined, per operation (AverageTime, a LATENCY: lower is
    better). The task is empty, so what is left is the thread: creating its stack (platform)
    or its continuation (virtual), scheduling it, running it, ending it and waking the joiner.

      platformFromPlatform      a platform thread, started and joined by JMH's platform worker
      virtualFromPlatform       a virtual thread, started and joined by JMH's platform worker
      platformPoolFromPlatform  the usual alternative: a task handed to a warm, pre-started
                                pool of platform threads, and its Future waited for
      virtualFromVirtual        a virtual thread started and joined from inside a virtual thread
                                (JMH's worker is a virtual thread: -Djmh.executor=VIRTUAL)

    Traps avoided:
      - Creating the Thread object alone is not starting a thread: Thread.ofVirtual().unstarted(r)
        allocates an object and nothing else runs. Each operation here starts the thread and
        joins it, so the thread has run and ended before the next operation begins.
      - Dead code: the joined thread (or the Future's value) is returned to JMH, which consumes it.
      - The driver: when JMH's platform worker joins, it sleeps in the kernel, and whoever ends
        the thread must wake it, often on the other CPU. On a 2-vCPU VM that wake-up costs tens
        of microseconds and dominates virtualFromPlatform. virtualFromVirtual parks a virtual
        thread instead, which is a few hundred nanoseconds of user-space work.
      - No Level.Invocation fixtures: the pool is made once per trial.

    On 2 vCPUs, AMD EPYC, Linux 6.18, Temurin JDK 25.0.3, 2026-11-27, racelab bench --profile
    quick (1 fork, 15 x 200 ms) while the machine was shared with other developers' builds
    (load average 2.5-3.4), us per start+join:

        platformFromPlatform        224    +- 128     (85 us while the machine was quiet)
        virtualFromPlatform          12.9  +-   2.3
        platformPoolFromPlatform     14.5  +-  20
        virtualFromVirtual            0.81 +-   0.37

    virtualFromVirtual against platformFromPlatform: ~280x in this run. The bench section of a
    whole ./racelab run on the same machine the same day, with nothing else running, gave
    virtualFromVirtual 0.612 +- 0.088 and platformFromPlatform 82.9 +- 1.3 (135x), and
    virtualFromPlatform 37.2 +- 3.6: the same questions, another run (README.md, "What this
    machine showed").

    Run it alone:  java -jar benchmarks/target/benchmarks.jar ThreadStartJoin
*/
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX})
@State(Scope.Benchmark)
public class ThreadStartJoin {

    private static final Runnable EMPTY = () -> { };

    private ThreadPoolExecutor pool;

    @Setup(Level.Trial)
    public void startPool() {
        int size = Runtime.getRuntime().availableProcessors();
        pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(size);
        pool.prestartAllCoreThreads();
    }

    @TearDown(Level.Trial)
    public void stopPool() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Benchmark
    public Thread platformFromPlatform() throws InterruptedException {
        Thread t = Thread.ofPlatform().start(EMPTY);
        t.join();
        return t;
    }

    @Benchmark
    public Thread virtualFromPlatform() throws InterruptedException {
        Thread t = Thread.ofVirtual().start(EMPTY);
        t.join();
        return t;
    }

    @Benchmark
    public Object platformPoolFromPlatform() throws InterruptedException, ExecutionException {
        return pool.submit(EMPTY, Boolean.TRUE).get();
    }

    @Benchmark
    @Fork(value = 2, jvmArgsPrepend = BenchJvm.VIRTUAL_DRIVER, jvmArgsAppend = {BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX})
    public Thread virtualFromVirtual(VirtualDriver driver) throws InterruptedException {
        Thread t = Thread.ofVirtual().start(EMPTY);
        t.join();
        return t;
    }
}
