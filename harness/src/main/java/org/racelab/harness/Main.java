package org.racelab.harness;

import org.racelab.harness.cli.Cli;
import org.racelab.harness.run.RunGuard;
import org.racelab.harness.run.Terminal;

/** {@code racelab}: the entry point of the harness jar. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = new Cli().run(args, Terminal.system());
        if (!RunGuard.shuttingDown()) {
            System.exit(code);
        }
    }
}
