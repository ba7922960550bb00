package org.racelab.harness.run;

import java.io.PrintStream;

/**
 * Where a command speaks: results on {@code out}, progress and errors on {@code err}, so that
 * {@code racelab sysinfo > machine.json} keeps the file clean.
 *
 * @param interactive whether {@code err} is a terminal a progress bar can redraw
 */
public record Terminal(PrintStream out, PrintStream err, boolean interactive) {

    public static Terminal system() {
        return new Terminal(System.out, System.err, System.console() != null);
    }
}
