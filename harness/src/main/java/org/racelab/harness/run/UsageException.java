package org.racelab.harness.run;

/** Bad usage or bad input: one line for the user, exit code 2. */
public class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
