package org.racelab.harness.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.racelab.harness.format.Texts;
import org.racelab.harness.lab.Assignment;
import org.racelab.harness.lab.Handout;
import org.racelab.harness.lab.LabCheck;
import org.racelab.harness.lab.LabException;
import org.racelab.harness.lab.LabGrade;
import org.racelab.harness.lab.Labs;
import org.racelab.harness.profile.Profile;
import org.racelab.harness.run.EnvironmentException;
import org.racelab.harness.run.ExitCode;
import org.racelab.harness.run.Terminal;
import org.racelab.harness.run.UsageException;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code racelab lab}: concurrency lab assignments. {@code list} what there is, {@code start} a
 * student's handout, {@code check} a student's work, {@code grade} a class's submissions.
 */
final class LabCommand implements Command {

    static final Option LABS = Option.builder().longOpt("labs").hasArg().argName("DIR")
            .desc("a folder of your own assignments, in the format of racelab's (default: racelab's own)").get();
    static final Option ASSIGNMENT = Option.builder("a").longOpt("assignment").hasArg().argName("NAME")
            .desc("the assignment (check: default, the one the handout folder was made for)").get();
    static final Option GRADESCOPE = Option.builder().longOpt("gradescope").hasArg().argName("FILE")
            .desc("check: also write Gradescope's results.json there (e.g. /autograder/results/results.json)").get();
    static final Option FORCE = Option.builder().longOpt("force")
            .desc("grade: grade again the submissions that already have a row").get();
    static final Option JOBS = Option.builder("j").longOpt("jobs").hasArg().argName("N")
            .desc("grade: submissions checked at once (default 1: stress tests must not share CPUs)").get();
    static final Option SANDBOX = Option.builder().longOpt("sandbox").hasArg().argName("none|bwrap")
            .desc("grade: run each submission's check inside bubblewrap (no network, read-only file system"
                    + " but its own output folder); default none").get();
    /** The same option as every command's {@code --out}, with what it means to each lab command. */
    static final Option OUT = Option.builder("o").longOpt("out").hasArg().argName("DIR")
            .desc("check: where run folders go (default: results); grade: where the grades go, in DIR/ASSIGNMENT"
                    + " (default: grades)").get();
    static final Option TIMEOUT = Option.builder().longOpt("timeout").hasArg().argName("SECONDS")
            .desc("grade: each submission's time limit, 1 to " + CommonOptions.MAX_TIMEOUT_SECONDS
                    + " (default: from the assignment's tests and the profile)").get();

    @Override
    public String name() {
        return "lab";
    }

    @Override
    public String summary() {
        return "lab assignments: list, start a handout, check a student's work, grade a class";
    }

    @Override
    public String operands() {
        return "list | start NAME [DIR] | check [DIR] | grade SUBMISSIONS_DIR";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(LABS)
                .addOption(ASSIGNMENT)
                .addOption(CommonOptions.PROFILE)
                .addOption(OUT)
                .addOption(GRADESCOPE)
                .addOption(FORCE)
                .addOption(JOBS)
                .addOption(SANDBOX)
                .addOption(TIMEOUT);
    }

    @Override
    public String example() {
        return "racelab lab start counter my-counter && cd my-counter && racelab lab check";
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws UsageException, EnvironmentException {
        List<String> args = line.getArgList();
        if (args.isEmpty()) {
            throw new UsageException("say what to do: " + operands() + " (see 'racelab lab --help')");
        }
        String what = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (!List.of("list", "start", "check", "grade").contains(what)) {
            throw new UsageException("unknown lab command '" + what + "' (lab commands: list, start, check, grade)");
        }
        onlyFor(line, what, List.of("check", "grade"), ASSIGNMENT, CommonOptions.PROFILE, OUT);
        onlyFor(line, what, List.of("check"), GRADESCOPE);
        onlyFor(line, what, List.of("grade"), FORCE, JOBS, SANDBOX, TIMEOUT);
        try {
            return switch (what) {
                case "list" -> list(line, rest, terminal);
                case "start" -> start(line, rest, terminal);
                case "check" -> check(line, rest, terminal);
                case "grade" -> grade(line, rest, terminal);
                default -> throw new IllegalStateException("not a lab command, refused above: " + what);
            };
        } catch (LabException e) {
            throw new UsageException(e.getMessage());
        } catch (InvalidPathException e) {
            throw new UsageException("not a valid path: " + e.getInput());
        }
    }

    private int list(CommandLine line, List<String> rest, Terminal terminal) throws UsageException, LabException {
        atMost(rest, 0, "lab list");
        Labs labs = Labs.of(path(line, LABS));
        terminal.out().println("assignments (" + labs.source() + "):");
        for (Labs.Lab lab : labs.labs()) {
            Assignment a = lab.assignment();
            terminal.out().println();
            terminal.out().println(Texts.terminal("  " + a.id() + ": " + a.title()));
            terminal.out().println(Texts.terminal("    claim:  " + a.claim()));
            if (a.notes() != null) {
                terminal.out().println(Texts.terminal("    notes:  \"" + a.notes() + "\""));
            }
            for (Assignment.Test t : a.tests()) {
                terminal.out().println(Texts.terminal(String.format("    %3d pt  %-7s %s: %s", t.points(), t.kind(),
                        t.id().substring(t.id().lastIndexOf('.') + 1), t.catches())));
            }
            terminal.out().println("    needs " + a.minCpus() + (a.minCpus() == 1 ? " CPU" : " CPUs")
                    + "; known-wrong submissions: " + a.wrong().size());
        }
        return ExitCode.OK;
    }

    private int start(CommandLine line, List<String> rest, Terminal terminal)
            throws UsageException, LabException, EnvironmentException {
        if (rest.isEmpty()) {
            throw new UsageException("lab start needs the assignment's name (see 'racelab lab list')");
        }
        atMost(rest, 2, "lab start");
        Labs labs = Labs.of(path(line, LABS));
        Labs.Lab lab = labs.get(rest.get(0));
        Path dir = Path.of(rest.size() > 1 ? rest.get(1) : lab.id());
        List<Path> written;
        try {
            written = Handout.write(labs, lab, dir);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write the handout into " + dir + ": " + e.getMessage());
        }
        terminal.out().println("racelab lab start: " + lab.id() + " (" + lab.assignment().title() + ") in " + dir);
        written.forEach(p -> terminal.out().println("  " + p));
        terminal.out().println("read " + dir.resolve("task.md") + ", then, in " + dir + ": racelab lab check");
        return ExitCode.OK;
    }

    private int check(CommandLine line, List<String> rest, Terminal terminal)
            throws UsageException, EnvironmentException {
        atMost(rest, 1, "lab check");
        Path dir = Path.of(rest.isEmpty() ? "." : rest.get(0));
        Profile profile = CommonOptions.profile(line);
        return new LabCheck(terminal).run(new LabCheck.Request(path(line, LABS), line.getOptionValue(ASSIGNMENT), dir,
                profile, CommonOptions.out(line), path(line, GRADESCOPE)));
    }

    private int grade(CommandLine line, List<String> rest, Terminal terminal)
            throws UsageException, EnvironmentException, LabException {
        if (rest.size() != 1) {
            throw new UsageException("lab grade takes one folder of submissions, one per sub-folder, zip or jar");
        }
        if (!line.hasOption(ASSIGNMENT)) {
            throw new UsageException("lab grade needs --assignment NAME (see 'racelab lab list')");
        }
        int jobs = jobs(line);
        String sandbox = line.getOptionValue(SANDBOX, "none");
        if (!sandbox.equals("none") && !sandbox.equals("bwrap")) {
            throw new UsageException("--sandbox takes none or bwrap, not '" + sandbox + "'");
        }
        Duration timeout = CommonOptions.timeout(line, null);
        return new LabGrade(terminal).run(new LabGrade.Request(path(line, LABS), line.getOptionValue(ASSIGNMENT),
                Path.of(rest.get(0)), CommonOptions.profile(line), Path.of(line.getOptionValue(CommonOptions.OUT,
                "grades")), line.hasOption(FORCE), jobs, sandbox.equals("bwrap"), timeout));
    }

    private static int jobs(CommandLine line) throws UsageException {
        String v = line.getOptionValue(JOBS, "1");
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1 && n <= 256) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("--jobs takes a number from 1 to 256, not '" + v + "'");
    }

    /** An option given to a lab command it means nothing to is refused, not silently dropped. */
    private static void onlyFor(CommandLine line, String what, List<String> commands, Option... options)
            throws UsageException {
        if (commands.contains(what)) {
            return;
        }
        for (Option o : options) {
            if (line.hasOption(o)) {
                throw new UsageException("--" + o.getLongOpt() + " is for lab " + String.join(" and lab ", commands)
                        + ", not lab " + what);
            }
        }
    }

    private static Path path(CommandLine line, Option o) {
        return line.hasOption(o) ? Path.of(line.getOptionValue(o)) : null;
    }

    private static void atMost(List<String> rest, int n, String what) throws UsageException {
        if (rest.size() > n) {
            throw new UsageException("unexpected argument '" + rest.get(n) + "' after " + what);
        }
    }
}
