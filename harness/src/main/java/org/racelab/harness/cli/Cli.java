package org.racelab.harness.cli;

import org.racelab.harness.format.Texts;
import org.racelab.harness.run.Terminal;
import org.racelab.harness.run.ExitCode;
import org.racelab.harness.run.UsageException;
import org.racelab.harness.run.EnvironmentException;
import org.racelab.harness.run.Version;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.help.HelpFormatter;
import org.apache.commons.cli.help.TextHelpAppendable;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line: {@code racelab <command> [options]}. Every fault a user can cause ends here
 * as one line on stderr and exit code 2; nothing the user typed gets a stack trace.
 */
public final class Cli {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Cli() {
        for (Command c : List.of(new RunCommand(), new StressCommand(), new VraceCommand(), new BenchCommand(),
                new SchedCommand(), new ReportCommand(), new CompareCommand(), new ExplainCommand(), new LabCommand(), new ListCommand(),
                new SysinfoCommand())) {
            commands.put(c.name(), c);
        }
    }

    public int run(String[] args, Terminal terminal) {
        if (args.length == 0 || isHelp(args[0]) || args[0].equals("help")) {
            if (args.length > 1 && args[0].equals("help") && commands.containsKey(args[1])) {
                return help(commands.get(args[1]), terminal.out());
            }
            printOverview(terminal.out());
            return args.length == 0 ? ExitCode.USAGE : ExitCode.OK;
        }
        if (args[0].equals("--version")) {
            terminal.out().println("racelab " + Version.current());
            return ExitCode.OK;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            return usage(terminal, "racelab: unknown command '" + args[0] + "' (commands: "
                    + String.join(", ", commands.keySet()) + "; see 'racelab --help')");
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        Options options = withHelp(command.options());
        CommandLine line;
        try {
            line = DefaultParser.builder().setStripLeadingAndTrailingQuotes(false).build().parse(options, rest);
        } catch (ParseException e) {
            return usage(terminal, "racelab " + command.name() + ": " + e.getMessage()
                    + " (see 'racelab " + command.name() + " --help')");
        }
        if (line.hasOption("help")) {
            return help(command, terminal.out());
        }
        if (command.operands().isEmpty() && !line.getArgList().isEmpty()) {
            return usage(terminal, "racelab " + command.name() + ": unexpected argument '" + line.getArgList().get(0)
                    + "' (see 'racelab " + command.name() + " --help')");
        }
        try {
            return command.run(line, terminal);
        } catch (UsageException e) {
            return usage(terminal, "racelab " + command.name() + ": " + e.getMessage());
        } catch (EnvironmentException e) {
            terminal.err().println(Texts.terminal("racelab " + command.name() + ": " + e.getMessage()));
            return ExitCode.ENVIRONMENT;
        }
    }

    /**
     * One line per command with its operands and options, as Commons CLI knows them: the usage
     * block of the README is this text, and a test holds the two together.
     */
    public List<String> synopsis() {
        List<String> lines = new java.util.ArrayList<>();
        for (Command c : commands.values()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "racelab %-8s", c.name()));
            if (!c.operands().isEmpty()) {
                line.append(' ').append(c.operands());
            }
            for (Option o : c.options().getOptions()) {
                line.append(" [--").append(o.getLongOpt()).append(o.hasArg() ? " " + o.getArgName() : "").append(']');
            }
            lines.add(line.toString().stripTrailing());
        }
        lines.add("racelab <command> --help");
        return lines;
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    private static int usage(Terminal terminal, String line) {
        terminal.err().println(Texts.terminal(line));
        return ExitCode.USAGE;
    }

    private static Options withHelp(Options options) {
        Options all = new Options();
        options.getOptions().forEach(all::addOption);
        all.addOption(Option.builder("h").longOpt("help").desc("show this help and exit").get());
        return all;
    }

    private void printOverview(PrintStream out) {
        out.println("racelab " + Version.current() + " - a concurrency lab: the race cases of the lecture notes,");
        out.println("caught by JCStress on this machine's threads.");
        out.println();
        out.println("usage: racelab <command> [options]      (racelab <command> --help for its options)");
        out.println();
        out.println("commands:");
        commands.values().forEach(c -> out.printf("  %-9s %s%n", c.name(), c.summary()));
        out.println();
        out.println("exit codes: 0 all well; 1 a FORBIDDEN outcome, a test error or a run cut short;");
        out.println("            2 bad usage or input;");
        out.println("            3 this environment cannot run it (no JDK 21+, an output that cannot be written)");
        out.println();
        out.println("example: racelab run");
    }

    private static int help(Command command, PrintStream out) {
        HelpFormatter formatter = HelpFormatter.builder()
                .setShowSince(false)
                .setHelpAppendable(new TextHelpAppendable(out))
                .get();
        String syntax = "racelab " + command.name() + " [options]"
                + (command.operands().isEmpty() ? "" : " " + command.operands());
        try {
            formatter.printHelp(syntax, command.summary(), withHelp(command.options()),
                    "example: " + command.example(), false);
        } catch (IOException e) {
            return ExitCode.ENVIRONMENT;
        }
        return ExitCode.OK;
    }
}
