package org.racelab.bench.counter;

import org.openjdk.jmh.annotations.*;
import org.racelab.bench.BenchJvm;

import java.util.concurrent.TimeUnit;

/*
    The notes: "Race Conditions: outcome depends on non-deterministic ordering", and
    "i += 1 -> reads i, increases i, writes i". JCStress (racelab stress) shows that the race
    happens; this measures what each fix costs when four threads hammer one counter.

    Measured: THROUGHPUT, increments per microsecond summed over all threads (higher is
    better). One operation starts 4 threads, each adds one to a shared counter 100 000 times,
    and joins them: @OperationsPerInvocation(400 000). The counter is a parameter:

      plain          value++ with no atomicity (racy): fast, and wrong. The secondary results
                     "updates" and "lostUpdates" say how many increments were lost.
      synchronized   a monitor around value++
      ReentrantLock  a java.util.concurrent lock around value++
      AtomicInteger  one atomic read-modify-write instruction (LOCK XADD on x86_64)
      LongAdder      a cell per contending thread, summed at the end

    The four threads are platform threads (platformThreads) or virtual threads
    (virtualThreads). On 2 CPUs, 4 platform threads are time-sliced by the kernel; 4 virtual
    threads run on 2 carriers and are never time-sliced: a virtual thread runs until it blocks
    or ends, so fewer of them overlap, which changes both the contention and the lost updates.

    Traps avoided:
      - The loop optimisation: a plain counter in a loop can be kept in a register and written
        once at the end. The plain variant uses opaque accesses, which compile to plain loads
        and stores but must each happen (see Counter.Plain).
      - Starting 4 threads costs some 100 us; it is inside the measurement, so each thread does
        100 000 increments (milliseconds of work) to keep it a small share.
      - The final value is read after the joins and returned to JMH.

    Run it alone:  java -jar benchmarks/target/benchmarks.jar ContendedCounter
*/
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(ContendedCounter.THREADS * ContendedCounter.INCREMENTS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX})
@State(Scope.Benchmark)
public class ContendedCounter {

    static final int THREADS = 4;
    static final int INCREMENTS = 100_000;

    @Param({"plain", "synchronized", "ReentrantLock", "AtomicInteger", "LongAdder"})
    public String counter;

    @Benchmark
    public long platformThreads(LostUpdates lost) throws InterruptedException {
        return race(Thread.ofPlatform(), lost);
    }

    @Benchmark
    public long virtualThreads(LostUpdates lost) throws InterruptedException {
        return race(Thread.ofVirtual(), lost);
    }

    private long race(Thread.Builder builder, LostUpdates lost) throws InterruptedException {
        Counter c = Counter.of(counter);
        Runnable work = () -> {
            for (int i = 0; i < INCREMENTS; i++) {
                c.increment();
            }
        };
        Thread[] threads = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            threads[t] = builder.start(work);
        }
        for (Thread t : threads) {
            t.join();
        }
        long value = c.value();
        lost.updates += (long) THREADS * INCREMENTS;
        lost.lostUpdates += (long) THREADS * INCREMENTS - value;
        return value;
    }
}
