package org.racelab.harness.cli;

import org.racelab.harness.run.Terminal;
import org.racelab.harness.run.UsageException;
import org.racelab.harness.run.EnvironmentException;
import org.racelab.harness.run.LabRun;
import org.racelab.harness.run.VraceSectionRun;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code racelab vrace}: JCStress test classes with their actors on virtual threads, on 1..N
 * carriers, beside platform threads: the notes' "many goroutines in one OS thread", raced.
 */
final class VraceCommand implements Command {

    static final Option CARRIERS = Option.builder().longOpt("carriers").hasArg().argName("LIST")
            .desc("carrier counts for the virtual threads, comma-separated, e.g. 1,2,4 (default: 1 and every CPU)").get();
    static final Option THREADS = Option.builder().longOpt("threads").hasArg().argName("virtual|platform|both")
            .desc("virtual, platform or both (default: both; platform threads are the control)").get();

    @Override
    public String name() {
        return "vrace";
    }

    @Override
    public String summary() {
        return "run the same race cases with virtual threads as the actors, on 1..N carriers";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(CommonOptions.PROFILE)
                .addOption(CommonOptions.CASE)
                .addOption(CommonOptions.TESTS_JAR)
                .addOption(CARRIERS)
                .addOption(THREADS)
                .addOption(CommonOptions.OUT)
                .addOption(CommonOptions.TIMEOUT);
    }

    @Override
    public String example() {
        return "racelab vrace --case LostUpdate --carriers 1,2";
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws UsageException, EnvironmentException {
        CommonOptions.Selection chosen = CommonOptions.selection(line);
        String threads = line.getOptionValue(THREADS, "both");
        if (!List.of("virtual", "platform", "both").contains(threads)) {
            throw new UsageException("--threads is virtual, platform or both, not '" + threads + "'");
        }
        List<Integer> carriers = carriers(line);
        Duration timeout = line.hasOption(CommonOptions.TIMEOUT) ? CommonOptions.timeout(line, null) : null;
        chosen.options().put("threads", threads);
        chosen.options().put("carriers", carriers);
        return new LabRun(terminal).run(name(), chosen.profile(), chosen.options(), CommonOptions.out(line),
                List.of(new VraceSectionRun(chosen.catalog(), chosen.tests(), !threads.equals("platform"),
                        !threads.equals("virtual"), carriers, timeout)));
    }

    /** {@code --carriers}: positive whole numbers; by default 1 and every CPU of this machine. */
    static List<Integer> carriers(CommandLine line) throws UsageException {
        if (!line.hasOption(CARRIERS)) {
            return defaultCarriers();
        }
        List<Integer> carriers = new ArrayList<>();
        for (String part : line.getOptionValue(CARRIERS).split(",", -1)) {
            try {
                int c = Integer.parseInt(part.strip());
                if (c < 1 || c > 4096) {
                    throw new NumberFormatException();
                }
                carriers.add(c);
            } catch (NumberFormatException e) {
                throw new UsageException("--carriers takes whole numbers from 1 to 4096, comma-separated, not '"
                        + part.strip() + "'");
            }
        }
        return carriers;
    }

    static List<Integer> defaultCarriers() {
        int cpus = Runtime.getRuntime().availableProcessors();
        return cpus == 1 ? List.of(1) : List.of(1, cpus);
    }
}
