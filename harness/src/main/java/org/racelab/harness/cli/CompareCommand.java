package org.racelab.harness.cli;

import org.racelab.harness.run.Terminal;
import org.racelab.harness.run.ExitCode;
import org.racelab.harness.run.UsageException;
import org.racelab.harness.run.EnvironmentException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.racelab.harness.compare.CompareTable;
import org.racelab.harness.compare.ComparePages;
import org.racelab.harness.compare.Comparison;
import org.racelab.harness.bundle.BadBundleException;
import org.racelab.harness.bundle.BundleReader;
import org.racelab.harness.bundle.Limits;
import org.racelab.harness.bundle.OutputFiles;
import org.racelab.harness.bundle.ReadBundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code racelab compare BUNDLE...}: bundles from several machines side by side, on the terminal
 * and, with {@code --out}, as compare.html and compare.md. Each bundle is read as untrusted input.
 */
final class CompareCommand implements Command {

    static final Option OUT = Option.builder("o").longOpt("out").hasArg().argName("DIR")
            .desc("also write compare.html and compare.md into this folder").get();

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String summary() {
        return "bundles from several machines side by side (races, benchmarks, scheduling)";
    }

    @Override
    public String operands() {
        return "BUNDLE_DIR...";
    }

    @Override
    public Options options() {
        return new Options().addOption(OUT);
    }

    @Override
    public String example() {
        return "racelab compare results/laptop-20261127-093459 results/arm-20261127-101500 --out compare";
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws UsageException, EnvironmentException {
        List<String> args = line.getArgList();
        if (args.isEmpty()) {
            throw new UsageException("give one or more results folders (or bundle.json files), e.g. " + example());
        }
        if (args.size() > Limits.BUNDLES_PER_COMPARE) {
            throw new UsageException("at most " + Limits.BUNDLES_PER_COMPARE + " bundles at once, not " + args.size());
        }
        BundleReader reader = new BundleReader();
        List<ReadBundle> reads = new ArrayList<>();
        for (String a : args) {
            try {
                reads.add(reader.read(ReportCommand.path(a)));
            } catch (BadBundleException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Comparison comparison = Comparison.of(reads);
        new CompareTable(terminal.out()).print(comparison);
        if (line.hasOption(OUT)) {
            Path out = ReportCommand.path(line.getOptionValue(OUT));
            try {
                for (Path p : ComparePages.write(comparison, out)) {
                    terminal.err().println("racelab compare: wrote " + p);
                }
            } catch (IOException e) {
                throw new EnvironmentException("cannot write the comparison into " + out + ": " + OutputFiles.reason(e));
            }
        }
        return ExitCode.OK;
    }
}
