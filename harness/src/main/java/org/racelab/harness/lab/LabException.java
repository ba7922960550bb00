package org.racelab.harness.lab;

/** An assignment or a submission racelab cannot use: one line for the user, exit code 2. */
public class LabException extends Exception {
    public LabException(String message) {
        super(message);
    }
}
