package org.racelab.harness.cli;

import org.racelab.harness.run.Terminal;
import org.racelab.harness.run.UsageException;
import org.racelab.harness.run.EnvironmentException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** A command of the CLI: its options, its help, and what it does. */
interface Command {

    String name();

    /** One line, for {@code racelab --help}. */
    String summary();

    /** The options after the command's name ({@code --help} is added for every command). */
    Options options();

    /** The positional arguments in the usage line, e.g. {@code "BUNDLE_DIR"}; empty when none. */
    default String operands() {
        return "";
    }

    /** An example command line, shown under {@code --help}. */
    String example();

    /** Runs the command and returns its exit code. */
    int run(CommandLine line, Terminal terminal) throws UsageException, EnvironmentException;
}
