package org.racelab.harness.cli;

import org.racelab.harness.format.Texts;
import org.racelab.harness.run.Terminal;
import org.racelab.harness.run.ExitCode;
import org.racelab.harness.run.UsageException;
import org.racelab.harness.run.EnvironmentException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.racelab.harness.bundle.BadBundleException;
import org.racelab.harness.bundle.BundleReader;
import org.racelab.harness.bundle.OutputFiles;
import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.report.ReportFiles;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code racelab report BUNDLE_DIR}: report.html, report.md and junit.xml from a bundle, this
 * machine's or anyone's. It reads the bundle and nothing else: it runs nothing.
 */
final class ReportCommand implements Command {

    static final Option OUT = Option.builder("o").longOpt("out").hasArg().argName("DIR")
            .desc("write the report files here instead of into BUNDLE_DIR (e.g. for a bundle in a read-only folder)")
            .get();

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "report.html, report.md and junit.xml from a results folder";
    }

    @Override
    public String operands() {
        return "BUNDLE_DIR";
    }

    @Override
    public Options options() {
        return new Options().addOption(OUT);
    }

    @Override
    public String example() {
        return "racelab report results/myhost-20261127-093459";
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws UsageException, EnvironmentException {
        List<String> args = line.getArgList();
        if (args.size() != 1) {
            throw new UsageException("give one results folder (or its bundle.json), e.g. " + example());
        }
        Path bundle = path(args.get(0));
        ReadBundle read;
        try {
            read = new BundleReader().read(bundle);
        } catch (BadBundleException e) {
            throw new UsageException(e.getMessage());
        }
        read.cleaned().forEach(c -> terminal.err().println("racelab report: cleaned: " + Texts.terminal(c)));
        Path out = line.hasOption(OUT) ? path(line.getOptionValue(OUT))
                : read.file().toAbsolutePath().getParent();
        try {
            ReportFiles.Written written = ReportFiles.write(read, out);
            written.files().forEach(terminal.out()::println);
            written.problems().forEach(p -> terminal.err().println("racelab report: " + Texts.terminal(p)));
        } catch (IOException e) {
            throw new EnvironmentException("cannot write the report into " + out + ": " + OutputFiles.reason(e));
        }
        return ExitCode.OK;
    }

    static Path path(String s) throws UsageException {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new UsageException("not a valid path: " + s);
        }
    }
}
