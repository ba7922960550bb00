package org.racelab.bench.counter;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the counter should have reached and what it missed, summed over an iteration: JMH
 * reports them as the secondary results {@code updates} and {@code lostUpdates} (events, not
 * rates). Only the plain counter ever loses one.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class LostUpdates {

    public long updates;
    public long lostUpdates;

    @Setup(Level.Iteration)
    public void reset() {
        updates = 0;
        lostUpdates = 0;
    }
}
