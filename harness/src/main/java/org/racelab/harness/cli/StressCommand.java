package org.racelab.harness.cli;

import org.racelab.harness.run.ModelSectionRun;
import org.racelab.harness.run.Terminal;
import org.racelab.harness.run.UsageException;
import org.racelab.harness.run.EnvironmentException;
import org.racelab.harness.run.LabRun;
import org.racelab.harness.run.StressSectionRun;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.racelab.harness.stress.StressRequest;

import java.time.Duration;
import java.util.List;

/** {@code racelab stress}: the catalog (or any JCStress test jar) under JCStress, on platform threads. */
final class StressCommand implements Command {

    @Override
    public String name() {
        return "stress";
    }

    @Override
    public String summary() {
        return "run the race cases under JCStress on platform threads, on every core";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(CommonOptions.PROFILE)
                .addOption(CommonOptions.CASE)
                .addOption(CommonOptions.TESTS_JAR)
                .addOption(CommonOptions.OUT)
                .addOption(CommonOptions.TIMEOUT);
    }

    @Override
    public String example() {
        return "racelab stress --case LostUpdate --profile quick";
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws UsageException, EnvironmentException {
        CommonOptions.Selection chosen = CommonOptions.selection(line);
        Duration timeout = CommonOptions.timeout(line,
                StressRequest.defaultTimeout(chosen.profile(), chosen.tests().size()));
        chosen.options().put("timeoutSeconds", timeout.toSeconds());
        return new LabRun(terminal).run(name(), chosen.profile(), chosen.options(), CommonOptions.out(line),
                List.of(new StressSectionRun(chosen.catalog(), chosen.tests(), timeout),
                        new ModelSectionRun(chosen.tests())));
    }
}
