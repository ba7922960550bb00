package org.racelab.harness.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.racelab.harness.bundle.BadBundleException;
import org.racelab.harness.bundle.BundleReader;
import org.racelab.harness.bundle.BundleWriter;
import org.racelab.harness.bundle.ModelSection;
import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.bundle.StressTestResult;
import org.racelab.harness.catalog.CatalogException;
import org.racelab.harness.catalog.StressTest;
import org.racelab.harness.catalog.TestCatalog;
import org.racelab.harness.console.ExplainPrinter;
import org.racelab.harness.format.Texts;
import org.racelab.harness.model.ModelRunner;
import org.racelab.harness.run.EnvironmentException;
import org.racelab.harness.run.ExitCode;
import org.racelab.harness.run.Terminal;
import org.racelab.harness.run.UsageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code racelab explain}: what interleavings alone allow for a test (its SC model, with a witness
 * per outcome) beside what this machine observed, from the newest bundle or the one given.
 */
final class ExplainCommand implements Command {

    static final Option BUNDLE = Option.builder().longOpt("bundle").hasArg().argName("DIR")
            .desc("the run whose observations to show (default: the newest run folder under results/)").get();

    @Override
    public String name() {
        return "explain";
    }

    @Override
    public String summary() {
        return "what interleavings alone allow for a test, with a witness, beside what this machine showed";
    }

    @Override
    public Options options() {
        return new Options().addOption(CommonOptions.TESTS_JAR).addOption(BUNDLE);
    }

    @Override
    public String operands() {
        return "CASE_OR_TEST";
    }

    @Override
    public String example() {
        return "racelab explain StoreBuffering";
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws UsageException, EnvironmentException {
        List<String> args = line.getArgList();
        if (args.size() != 1) {
            throw new UsageException("give one case or test, as a regular expression, e.g. " + example());
        }
        TestCatalog catalog = CommonOptions.catalog(line);
        List<StressTest> tests;
        try {
            tests = catalog.select(args.get(0));
        } catch (CatalogException e) {
            throw new UsageException(e.getMessage());
        }
        if (tests.isEmpty()) {
            throw new UsageException("no test matches '" + args.get(0) + "' (see 'racelab list')");
        }
        ModelRunner runner = new ModelRunner();
        Optional<String> broken = runner.canaryProblem();
        if (broken.isPresent()) {
            throw new EnvironmentException(broken.get() + "; no model is shown rather than an empty one");
        }
        ModelSection models = runner.run(tests);
        Optional<ReadBundle> observed = observations(line, terminal);
        String source = observed.map(r -> "from " + r.file()).orElse("no run to read: 'racelab stress' measures it");
        ExplainPrinter printer = new ExplainPrinter(terminal.out());
        for (ModelSection.ModelResult m : models.tests()) {
            printer.print(m, observed.flatMap(r -> result(r, m.name())).orElse(null), source);
        }
        return ExitCode.OK;
    }

    private static Optional<StressTestResult> result(ReadBundle read, String test) {
        return read.bundle().stress() == null ? Optional.empty()
                : read.bundle().stress().tests().stream().filter(t -> t.name().equals(test)).findFirst();
    }

    /** The bundle given with --bundle (bad: exit 2), else the newest under results/ (bad: said, then none). */
    private static Optional<ReadBundle> observations(CommandLine line, Terminal terminal) throws UsageException {
        BundleReader reader = new BundleReader();
        if (line.hasOption(BUNDLE)) {
            try {
                return Optional.of(reader.read(ReportCommand.path(line.getOptionValue(BUNDLE))));
            } catch (BadBundleException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Optional<Path> newest = newest(Path.of("results"));
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader.read(newest.get()));
        } catch (BadBundleException e) {
            terminal.err().println("racelab explain: the newest run is not readable, so nothing observed is shown: "
                    + Texts.terminal(e.getMessage()));
            return Optional.empty();
        }
    }

    private static Optional<Path> newest(Path results) {
        if (!Files.isDirectory(results)) {
            return Optional.empty();
        }
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(p -> Files.isRegularFile(p.resolve(BundleWriter.FILE)))
                    .max(Comparator.comparing(p -> p.resolve(BundleWriter.FILE).toFile().lastModified()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
