package org.racelab.harness.bundle;

/**
 * A bundle that racelab will not read: not a racelab bundle, written by a newer racelab, too big,
 * cut short, or with a field of the wrong type. The message is one line for the user (exit 2).
 */
public class BadBundleException extends Exception {
    public BadBundleException(String message) {
        super(message);
    }
}
