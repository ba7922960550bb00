package org.racelab.harness.vrace;

/** A test class the virtual-thread runner cannot drive; the message says why, in one line. */
public class UnsupportedShapeException extends Exception {
    public UnsupportedShapeException(String message) {
        super(message);
    }
}
