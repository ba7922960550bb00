package org.racelab.harness.run;

/** This environment cannot run what was asked (say, a folder that cannot be written): exit code 3. */
public class EnvironmentException extends Exception {
    public EnvironmentException(String message) {
        super(message);
    }
}
