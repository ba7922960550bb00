package org.racelab.harness.cli;

import org.racelab.harness.run.Terminal;
import org.racelab.harness.run.UsageException;
import org.racelab.harness.run.EnvironmentException;
import org.racelab.harness.run.LabRun;
import org.racelab.harness.run.StressSectionRun;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.racelab.harness.catalog.StressTest;
import org.racelab.harness.catalog.TestCatalog;
import org.racelab.harness.profile.Profile;
import org.racelab.harness.stress.StressRequest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Profile profile = CommonOptions.profile(line);
        TestCatalog catalog = CommonOptions.catalog(line);
        List<StressTest> tests = CommonOptions.select(line, catalog);
        Duration timeout = CommonOptions.timeout(line, StressRequest.defaultTimeout(profile, tests.size()));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("case", line.getOptionValue(CommonOptions.CASE, ".*"));
        options.put("testsJar", catalog.location().toString());
        options.put("timeoutSeconds", timeout.toSeconds());
        return new LabRun(terminal).run(name(), profile, options, CommonOptions.out(line),
                List.of(new StressSectionRun(catalog, tests, timeout)));
    }
}
