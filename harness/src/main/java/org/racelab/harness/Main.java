package org.racelab.harness;

import org.racelab.harness.cli.Cli;

/** {@code racelab}: the entry point of the harness jar. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = new Cli().run(args, org.racelab.harness.cli.Terminal.system());
        if (!Cli.shuttingDown()) {
            System.exit(code);
        }
    }
}
