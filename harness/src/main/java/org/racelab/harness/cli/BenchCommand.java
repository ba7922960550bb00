package org.racelab.harness.cli;

import org.racelab.harness.run.Terminal;
import org.racelab.harness.run.UsageException;
import org.racelab.harness.run.EnvironmentException;
import org.racelab.harness.run.LabRun;
import org.racelab.harness.run.BenchSectionRun;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.racelab.harness.bench.BenchPlan;
import org.racelab.harness.bench.BenchRequest;
import org.racelab.harness.profile.Profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/** {@code racelab bench}: the JMH suite, platform threads against virtual threads, on this machine. */
final class BenchCommand implements Command {

    static final Option BENCH = Option.builder("b").longOpt("bench").hasArg().argName("REGEX")
            .desc("only the benchmarks whose name this regular expression finds, as JMH's include "
                    + "(e.g. ThreadHandOff or 'StartJoin|Process'; default: all)").get();

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure platform vs virtual threads with JMH (start, hand-off, fan-out, counters, pinning)";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(CommonOptions.PROFILE)
                .addOption(BENCH)
                .addOption(CommonOptions.OUT);
    }

    @Override
    public String example() {
        return "racelab bench --profile quick --bench ThreadStartJoin";
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws UsageException, EnvironmentException {
        Profile profile = CommonOptions.profile(line);
        String include = select(line.getOptionValue(BENCH, BenchRequest.ALL));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("bench", include);
        return new LabRun(terminal).run(name(), profile, options, CommonOptions.out(line),
                List.of(new BenchSectionRun(include)));
    }

    /** Checks a --bench expression before anything runs: it must compile and match a benchmark. */
    static String select(String include) throws UsageException {
        try {
            if (BenchPlan.of(include, Map.of()).isEmpty()) {
                throw new UsageException("no benchmark matches --bench '" + include
                        + "' (benchmarks: ThreadStartJoin, ThreadHandOff, BlockingFanOut, CpuBoundFanOut, "
                        + "ContendedCounter, ProcessVsThreadStart, PinningWhileBlocking)");
            }
            return include;
        } catch (PatternSyntaxException e) {
            throw new UsageException("--bench is not a regular expression: '" + include + "' ("
                    + e.getDescription() + ")");
        }
    }
}
