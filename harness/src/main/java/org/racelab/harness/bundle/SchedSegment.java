package org.racelab.harness.bundle;

/**
 * A stretch of time a thread ran: on which carrier (for a virtual thread), from when to when,
 * in milliseconds since the experiment started.
 */
public record SchedSegment(String thread, String carrier, double startMillis, double endMillis) {
}
