package org.racelab.bench.handoff;

import org.openjdk.jmh.annotations.*;
import org.racelab.bench.BenchJvm;
import org.racelab.bench.VirtualDriver;

import java.util.concurrent.TimeUnit;

/*
    The notes: "Context Switch: control flow changes from one process to another", and
    goroutines are scheduled "like a little OS inside a single OS thread".

    Measured: the latency of one hand-off (AverageTime, LATENCY, lower is better): two threads
    pass a token back and forth, and each pass puts one thread to sleep and wakes the other.
    For platform threads that is the kernel's context switch (futex wait, futex wake, the
    scheduler, maybe an inter-processor interrupt). For virtual threads it is the JDK's:
    unmount a continuation, push the other on a carrier's queue, mount it.

      platformPair                JMH's platform worker <-> a platform partner
      virtualPartnerFromPlatform  JMH's platform worker <-> a virtual partner (mixed: every
                                  round trip still parks and wakes the platform worker)
      virtualPair                 JMH's worker is a virtual thread <-> a virtual partner

    The mechanism is a parameter: SynchronousQueue (put/take), Exchanger, and LockSupport
    park/unpark, the primitive the other two are built on.

    Traps avoided:
      - One operation is a round trip, two hand-offs: @OperationsPerInvocation(2) makes JMH
        report the time per hand-off, one way.
      - The partner lives for the whole trial (started in a Level.Trial fixture), so thread
        start is not in the figure; no Level.Invocation fixture around a sub-microsecond call.
      - The token that comes back is returned to JMH, so the round trip cannot be dropped.
      - On 2 CPUs the two threads of a platform pair often sit on different CPUs: every
        hand-off is then a cross-CPU wake-up, tens of microseconds on a VM. Pinned to one
        CPU (taskset -c 0) the same pair is an order of magnitude faster. Record the CPUs.
      - Spinning is not switching. SynchronousQueue and Exchanger spin for a while before they
        park, so when each thread of the pair has a CPU of its own, a hand-off may happen with
        nobody going to sleep: the Exchanger's platform pair then measures a cache-line
        transfer (~70 ns on the machine below), not a context switch. LockSupport park/unpark
        never spins: it is the context switch, and the figure to compare.

    On 2 vCPUs, AMD EPYC, Linux 6.18, Temurin JDK 25.0.3, 2026-11-27, racelab bench --profile
    quick (1 fork, 15 x 200 ms; the machine was shared with other work, load average 2.5-3.4),
    ns per hand-off:

        mechanism          platformPair        virtualPair     virtualPartnerFromPlatform
        SynchronousQueue   3,685 +-   735      466 +- 145        113 +-    25
        Exchanger             73 +-     4      332 +- 218         63 +-     5
        LockSupport       21,412 +- 2,399      342 +-  30     13,349 +- 4,764

    Run it alone:  java -jar benchmarks/target/benchmarks.jar ThreadHandOff
*/
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX})
public class ThreadHandOff {

    /** A partner thread, echoing the token for the whole trial. */
    @State(Scope.Benchmark)
    public abstract static class Partner {

        @Param({"SynchronousQueue", "Exchanger", "LockSupport"})
        public String mechanism;

        HandOffMechanism handOff;
        private Thread thread;

        abstract Thread.Builder builder();

        @Setup(Level.Trial)
        public void start() {
            handOff = HandOffMechanism.of(mechanism);
            thread = builder().name("hand-off partner").unstarted(handOff::echo);
            handOff.attach(thread);
            thread.start();
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
        }
    }

    @State(Scope.Benchmark)
    public static class PlatformPartner extends Partner {
        @Override
        Thread.Builder builder() {
            return Thread.ofPlatform().daemon();
        }
    }

    @State(Scope.Benchmark)
    public static class VirtualPartner extends Partner {
        @Override
        Thread.Builder builder() {
            return Thread.ofVirtual();
        }
    }

    @Benchmark
    public Object platformPair(PlatformPartner partner) throws InterruptedException {
        return partner.handOff.roundTrip();
    }

    @Benchmark
    public Object virtualPartnerFromPlatform(VirtualPartner partner) throws InterruptedException {
        return partner.handOff.roundTrip();
    }

    @Benchmark
    @Fork(value = 2, jvmArgsPrepend = BenchJvm.VIRTUAL_DRIVER, jvmArgsAppend = {BenchJvm.HEAP_MIN, BenchJvm.HEAP_MAX})
    public Object virtualPair(VirtualPartner partner, VirtualDriver driver) throws InterruptedException {
        return partner.handOff.roundTrip();
    }
}
