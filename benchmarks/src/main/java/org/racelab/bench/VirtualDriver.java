package org.racelab.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Taken by every benchmark that must be driven from a virtual thread: it fails the benchmark
 * when JMH's worker is not one (the fork lacks {@link BenchJvm#VIRTUAL_DRIVER}), so a wrong
 * setup is an error and never a figure. Checked before each iteration, outside the measurement.
 */
@State(Scope.Thread)
public class VirtualDriver {

    @Setup(Level.Iteration)
    public void check() {
        if (!Thread.currentThread().isVirtual()) {
            throw new IllegalStateException("this benchmark must be driven from a virtual thread: fork with "
                    + BenchJvm.VIRTUAL_DRIVER);
        }
    }
}
