package org.racelab.bench;

/**
 * The JVM flags the benchmarks fork with, as constants so that annotations and the harness
 * share one spelling.
 *
 * <p>A fixed heap ({@code -Xms} equal to {@code -Xmx}) keeps the heap from growing in the
 * middle of a measurement. {@link #VIRTUAL_DRIVER} makes JMH's own worker a virtual thread
 * (JMH 1.37's {@code jmh.executor=VIRTUAL}): the benchmark method then runs inside a virtual
 * thread, which is how virtual threads are meant to be driven.
 */
public final class BenchJvm {

    public static final String HEAP_MIN = "-Xms1g";
    public static final String HEAP_MAX = "-Xmx1g";
    public static final String VIRTUAL_DRIVER = "-Djmh.executor=VIRTUAL";

    private BenchJvm() {
    }
}
