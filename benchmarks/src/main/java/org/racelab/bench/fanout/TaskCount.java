package org.racelab.bench.fanout;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts finished tasks, so that JMH reports tasks per second (the secondary result
 * {@code tasks}) beside the primary figure, fan-outs per second.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class TaskCount {

    public long tasks;

    @Setup(Level.Iteration)
    public void reset() {
        tasks = 0;
    }
}
