/**
 * Platform threads against virtual threads, measured with JMH on the machine at hand.
 *
 * <p>One package per question of the notes: {@code start} (what a thread costs to start),
 * {@code handoff} (the context switch), {@code fanout} (many blocking or computing tasks),
 * {@code counter} (a contended counter), {@code process} (processes vs threads) and
 * {@code pinning} (blocking inside {@code synchronized}).
 *
 * <p><b>Drivers.</b> JMH's worker threads are platform threads. A benchmark whose worker
 * starts a virtual thread and joins it pays, besides the virtual thread, for waking a platform
 * thread that sleeps in {@code join}: on a small VM a wake-up on the other CPU costs tens of
 * microseconds, more than the virtual thread itself. So the start and hand-off benchmarks run
 * twice: driven from a platform thread (methods named {@code ...FromPlatform}, or a platform
 * pair), and driven from inside a virtual thread ({@code ...FromVirtual}, or a virtual pair),
 * where the JMH worker itself is a virtual thread ({@link org.racelab.bench.BenchJvm#VIRTUAL_DRIVER}).
 * A virtual thread is cheap when the code around it is virtual too.
 *
 * <p>Method names say what runs on what: {@code platform...} and {@code virtual...} name the
 * kind of the thread under test. The harness ({@code racelab bench}) pairs them into
 * virtual/platform ratios.
 */
package org.racelab.bench;
