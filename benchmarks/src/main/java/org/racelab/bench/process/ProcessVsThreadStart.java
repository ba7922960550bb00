package org.racelab.bench.process;

import org.openjdk.jmh.annotations.*;
import org.racelab.bench.BenchJvm;
import org.racelab.bench.VirtualDriver;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/*
    The notes: "Threads share some context", "Many threads can exist in one process". A process
    has its own address space, so starting one costs much more than starting a thread.

    Measured: LATENCY per operation (AverageTime, lower is better):

      process                  start a process running the command (default "true", which
                               exits at once) and wait for it to end
      platformThread           start an (empty) platform thread and join it
      virtualThreadFromVirtual start a virtual thread from inside a virtual thread and join it

    All three are driven the way they are cheapest: the process and the platform thread from
    JMH's platform worker, the virtual thread from a virtual worker (see ThreadStartJoin for
    the virtual thread driven from a platform thread).

    Traps avoided:
      - The process's output is discarded by the OS (no pipes to drain), and its exit code is
        returned to JMH. A command that cannot start makes the benchmark fail, not report zero.
      - "true" must be on the PATH (Linux, macOS); pass -p command=... elsewhere.

    Run it alone:  java -jar benchmarks/target/benchmarks.jar ProcessVsThreadStart
*/
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX})
@State(Scope.Benchmark)
public class ProcessVsThreadStart {

    private static final Runnable EMPTY = () -> { };

    @Param({"true"})
    public String command;

    private ProcessBuilder builder;

    @Setup(Level.Trial)
    public void prepare() {
        builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    @Benchmark
    public int process() throws IOException, InterruptedException {
        Process p = builder.start();
        p.getOutputStream().close();
        return p.waitFor();
    }

    @Benchmark
    public Thread platformThread() throws InterruptedException {
        Thread t = Thread.ofPlatform().start(EMPTY);
        t.join();
        return t;
    }

    @Benchmark
    @Fork(value = 2, jvmArgsPrepend = BenchJvm.VIRTUAL_DRIVER, jvmArgsAppend = {BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX})
    public Thread virtualThreadFromVirtual(VirtualDriver driver) throws InterruptedException {
        Thread t = Thread.ofVirtual().start(EMPTY);
        t.join();
        return t;
    }
}
