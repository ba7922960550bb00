package org.racelab.harness.cli;

import org.racelab.harness.run.Terminal;
import org.racelab.harness.run.UsageException;
import org.racelab.harness.run.EnvironmentException;
import org.racelab.harness.run.LabRun;
import org.racelab.harness.run.SchedSectionRun;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.racelab.harness.profile.Profile;
import org.racelab.harness.sched.Experiment;
import org.racelab.harness.sched.SchedRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code racelab sched [EXPERIMENT]}: what the notes claim about scheduling, measured on this machine. */
final class SchedCommand implements Command {

    static final Option THREADS = Option.builder("n").longOpt("threads").hasArg().argName("N")
            .desc("footprint: start N parked threads of each kind, 1.." + SchedRequest.MAX_FOOTPRINT_THREADS
                    + " (default: from the profile; platform threads stop at a quarter of the kernel's task limit)")
            .get();
    static final Option CARRIERS = Option.builder().longOpt("carriers").hasArg().argName("P")
            .desc("carriers, preemption: run virtual threads on exactly P carrier threads, 1.."
                    + SchedRequest.MAX_CARRIERS + " (default: 1, 2, 4, ... up to every CPU)")
            .get();

    @Override
    public String name() {
        return "sched";
    }

    @Override
    public String summary() {
        return "measure time slices, carriers, preemption and thread cost on this machine";
    }

    @Override
    public String operands() {
        return "[EXPERIMENT: " + Experiment.ids().replace(", ", "|") + "|all]";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(CommonOptions.PROFILE)
                .addOption(CommonOptions.OUT)
                .addOption(THREADS)
                .addOption(CARRIERS);
    }

    @Override
    public String example() {
        return "racelab sched preemption --carriers 1";
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws UsageException, EnvironmentException {
        List<Experiment> experiments = experiments(line.getArgList());
        Profile profile = CommonOptions.profile(line);
        Integer threads = bounded(line, THREADS, SchedRequest.MAX_FOOTPRINT_THREADS);
        Integer carriers = bounded(line, CARRIERS, SchedRequest.MAX_CARRIERS);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("experiments", experiments.stream().map(Experiment::id).toList());
        if (threads != null) {
            options.put("threads", threads);
        }
        if (carriers != null) {
            options.put("carriers", carriers);
        }
        return new LabRun(terminal).run(name(), profile, options, CommonOptions.out(line),
                List.of(new SchedSectionRun(experiments, carriers, threads)));
    }

    static List<Experiment> experiments(List<String> operands) throws UsageException {
        if (operands.size() > 1) {
            throw new UsageException("one experiment at a time, or 'all' (got " + String.join(" ", operands) + ")");
        }
        if (operands.isEmpty() || operands.get(0).equals("all")) {
            return List.of(Experiment.values());
        }
        String id = operands.get(0);
        return List.of(Experiment.byId(id).orElseThrow(() -> new UsageException(
                "unknown experiment '" + id + "' (experiments: " + Experiment.ids() + ", all)")));
    }

    private static Integer bounded(CommandLine line, Option option, int max) throws UsageException {
        if (!line.hasOption(option)) {
            return null;
        }
        String v = line.getOptionValue(option).strip();
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option.getLongOpt() + " takes a whole number, not '" + v + "'");
        }
        if (n < 1 || n > max) {
            throw new UsageException("--" + option.getLongOpt() + " " + v + " is out of bounds: it takes 1.." + max);
        }
        return (int) n;
    }
}
