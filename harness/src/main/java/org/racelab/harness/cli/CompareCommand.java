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
import org.racelab.harness.compare.Fleet;
import org.racelab.harness.compare.GroupBy;
import org.racelab.harness.format.Texts;
import org.racelab.harness.bundle.BundleFinder;
import org.racelab.harness.bundle.BundleWriter;
import org.racelab.harness.bundle.BadBundleException;
import org.racelab.harness.bundle.BundleReader;
import org.racelab.harness.bundle.Limits;
import org.racelab.harness.bundle.OutputFiles;
import org.racelab.harness.bundle.ReadBundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code racelab compare BUNDLE_OR_FOLDER...}: bundles from several machines side by side, on the
 * terminal and, with {@code --out}, as compare.html, compare.md, compare.json and compare.csv.
 * An operand is a bundle file, a run folder (one with a bundle.json), or a folder of collected
 * bundles, searched for every bundle.json in it ({@link BundleFinder}). Each bundle is read as
 * untrusted input: a bad one found in a folder is skipped, one line each, and the rest are
 * compared; a bad one the user named is refused (exit 2), as is a comparison with nothing left.
 */
final class CompareCommand implements Command {

    static final Option BY = Option.builder("b").longOpt("by").hasArg().argName(GroupBy.choices())
            .desc("one column per group of machines with the same architecture, CPU model, count of CPUs, OS or "
                    + "JDK (the default past " + Limits.MACHINE_COLUMNS + " machines: arch)").get();
    static final Option OUT = Option.builder("o").longOpt("out").hasArg().argName("DIR")
            .desc("also write compare.html, compare.md, compare.json and compare.csv into this folder").get();

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String summary() {
        return "bundles from several machines (or a folder of them) side by side: races, benchmarks, scheduling";
    }

    @Override
    public String operands() {
        return "BUNDLE_OR_FOLDER...";
    }

    @Override
    public Options options() {
        return new Options().addOption(BY).addOption(OUT);
    }

    @Override
    public String example() {
        return "racelab compare results/laptop-20261127-093459 results/arm-20261127-101500 --out compare";
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws UsageException, EnvironmentException {
        List<String> args = line.getArgList();
        if (args.isEmpty()) {
            throw new UsageException("give one or more results folders, bundle.json files or folders of them, e.g. "
                    + example());
        }
        if (args.size() > Limits.BUNDLES_PER_COMPARE) {
            throw new UsageException("at most " + Limits.BUNDLES_PER_COMPARE + " bundles at once, not " + args.size());
        }
        GroupBy by = null;
        if (line.hasOption(BY)) {
            String v = line.getOptionValue(BY);
            by = GroupBy.parse(v).orElseThrow(() -> new UsageException("--by takes " + GroupBy.choices() + ", not '"
                    + Texts.cut(v, 40) + "'"));
        }
        BundleReader reader = new BundleReader();
        List<ReadBundle> reads = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        long[] bytes = {0};
        for (String a : args) {
            Path p = ReportCommand.path(a);
            if (Files.isDirectory(p) && !BundleFinder.isRunFolder(p)) {
                search(p, reader, reads, skipped, seen, bytes);
            } else if (seen.add(p.toAbsolutePath().normalize())) {
                if (reads.size() >= Limits.BUNDLES_PER_COMPARE) {
                    throw new UsageException("at most " + Limits.BUNDLES_PER_COMPARE + " bundles at once");
                }
                String over = overBudget(p, bytes);
                if (over != null) {
                    throw new UsageException(over);
                }
                try {
                    reads.add(reader.read(p)); // named by the user: a bad one is refused
                } catch (BadBundleException e) {
                    throw new UsageException(e.getMessage());
                }
            }
        }
        if (reads.isEmpty()) {
            throw new UsageException("nothing to compare: no readable bundle in " + String.join(", ", args)
                    + " (" + skipped.size() + " skipped, the first: " + skipped.get(0) + ")");
        }
        Fleet fleet = Fleet.of(reads, skipped, by);
        reads.clear();
        new CompareTable(terminal.out()).print(fleet);
        if (line.hasOption(OUT)) {
            Path out = ReportCommand.path(line.getOptionValue(OUT));
            try {
                for (Path p : ComparePages.write(fleet, out)) {
                    terminal.err().println("racelab compare: wrote " + p);
                }
            } catch (IOException e) {
                throw new EnvironmentException("cannot write the comparison into " + out + ": " + OutputFiles.reason(e));
            }
        }
        return ExitCode.OK;
    }

    /** The bundles found in a folder of them: each bad one is a line in {@code skipped}, the rest are read. */
    private static void search(Path dir, BundleReader reader, List<ReadBundle> reads, List<String> skipped,
                               Set<Path> seen, long[] bytes) throws UsageException {
        BundleFinder.Found found;
        try {
            found = BundleFinder.find(dir, Limits.BUNDLES_PER_COMPARE - reads.size());
        } catch (IOException e) {
            throw new UsageException("cannot search " + dir + ": " + OutputFiles.reason(e));
        }
        skipped.addAll(found.skipped());
        if (found.bundles().isEmpty() && found.skipped().isEmpty()) {
            skipped.add(dir + ": no " + BundleWriter.FILE + " in it or in the folders below it");
        }
        List<Path> small = new ArrayList<>();
        List<Path> large = new ArrayList<>();
        Map<Path, Object> results = new HashMap<>();
        for (Path f : found.bundles()) {
            if (!seen.add(f.toAbsolutePath().normalize())) {
                continue;
            }
            String over = overBudget(f, bytes);
            if (over != null) {
                results.put(f, over);
            } else {
                (size(f) <= PARALLEL_BYTES ? small : large).add(f);
            }
        }
        // small ones on every core (a class's 500 bundles are 125 MB of JSON); a large one takes
        // up to 15 times its size while it is read, so those are read one at a time
        small.parallelStream().forEach(f -> {
            Object r = read(reader, f);
            synchronized (results) {
                results.put(f, r);
            }
        });
        large.forEach(f -> results.put(f, read(reader, f)));
        for (Path f : found.bundles()) {
            Object r = results.get(f);
            if (r instanceof ReadBundle read) {
                reads.add(read);
            } else if (r != null) {
                skipped.add((String) r);
            }
        }
    }

    /** Bundles up to this size are read in parallel. */
    private static final long PARALLEL_BYTES = 2L * 1024 * 1024;

    private static Object read(BundleReader reader, Path f) {
        try {
            return reader.read(f);
        } catch (BadBundleException e) {
            return e.getMessage();
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0; // the reader says why it cannot read it
        }
    }

    /** Null, counting the file in, or why it is past the {@value Limits#COMPARE_MEGABYTES} MiB one compare reads. */
    private static String overBudget(Path f, long[] bytes) {
        return overBudget(f, bytes, (long) Limits.COMPARE_MEGABYTES * 1024 * 1024);
    }

    static String overBudget(Path f, long[] bytes, long budget) {
        long size = Math.min(size(Files.isDirectory(f) ? f.resolve(BundleWriter.FILE) : f),
                (long) Limits.BUNDLE_MEGABYTES * 1024 * 1024);
        if (bytes[0] + size > budget) {
            return f + ": past the " + budget / (1024 * 1024) + " MiB of bundles one compare reads (give fewer at once)";
        }
        bytes[0] += size;
        return null;
    }
}
