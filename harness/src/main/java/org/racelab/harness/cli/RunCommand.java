package org.racelab.harness.cli;

import org.racelab.harness.run.ModelSectionRun;
import org.racelab.harness.run.Terminal;
import org.racelab.harness.run.UsageException;
import org.racelab.harness.run.EnvironmentException;
import org.racelab.harness.run.LabRun;
import org.racelab.harness.run.StressSectionRun;
import org.racelab.harness.run.VraceSectionRun;
import org.racelab.harness.run.BenchSectionRun;
import org.racelab.harness.run.SchedSectionRun;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.racelab.harness.bench.BenchRequest;
import org.racelab.harness.catalog.StressTest;
import org.racelab.harness.catalog.TestCatalog;
import org.racelab.harness.profile.Profile;
import org.racelab.harness.stress.StressRequest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code racelab run}: the default lab, every section at one profile, into one bundle.
 * The stress section (the whole catalog under JCStress), the vrace section (the same classes on
 * virtual threads, on one carrier and on every CPU, and on platform threads), the bench section
 * (the whole JMH suite), then the sched section.
 */
final class RunCommand implements Command {

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "the default lab: every section at one profile, into one results folder";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(CommonOptions.PROFILE)
                .addOption(CommonOptions.OUT)
                .addOption(CommonOptions.TIMEOUT);
    }

    @Override
    public String example() {
        return "racelab run --profile quick";
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws UsageException, EnvironmentException {
        Profile profile = CommonOptions.profile(line);
        TestCatalog catalog = CommonOptions.catalog(line);
        List<StressTest> tests = catalog.tests();
        Duration timeout = CommonOptions.timeout(line, StressRequest.defaultTimeout(profile, tests.size()));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("sections", List.of("stress", "model", "vrace", "bench", "sched"));
        options.put("timeoutSeconds", timeout.toSeconds());
        return new LabRun(terminal).run(name(), profile, options, CommonOptions.out(line),
                List.of(new StressSectionRun(catalog, tests, timeout),
                        new ModelSectionRun(tests),
                        new VraceSectionRun(catalog, tests, true, true, VraceCommand.defaultCarriers(), null),
                        new BenchSectionRun(BenchRequest.ALL),
                        SchedSectionRun.all()));
    }
}
