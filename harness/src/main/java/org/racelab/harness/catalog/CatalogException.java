package org.racelab.harness.catalog;

/** A tests jar that cannot be read as a JCStress test suite. The message is one line for the user. */
public class CatalogException extends Exception {
    public CatalogException(String message) {
        super(message);
    }
}
