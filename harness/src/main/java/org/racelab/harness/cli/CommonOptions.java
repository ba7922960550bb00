package org.racelab.harness.cli;

import org.racelab.harness.run.UsageException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.racelab.harness.catalog.CatalogException;
import org.racelab.harness.catalog.StressTest;
import org.racelab.harness.catalog.TestCatalog;
import org.racelab.harness.profile.Profile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options several commands share, and how each is read and checked. */
final class CommonOptions {

    static final Option PROFILE = Option.builder("p").longOpt("profile").hasArg().argName(Profile.ids().replace(", ", "|"))
            .desc("how hard to look: " + Profile.ids() + " (default: quick)").get();
    static final Option CASE = Option.builder("c").longOpt("case").hasArg().argName("REGEX")
            .desc("only the tests whose name this regular expression finds, as JCStress's -t (e.g. LostUpdate)").get();
    static final Option TESTS_JAR = Option.builder().longOpt("tests-jar").hasArg().argName("JAR")
            .desc("run another JCStress test jar (or classes folder) instead of racelab's catalog").get();
    static final Option OUT = Option.builder("o").longOpt("out").hasArg().argName("DIR")
            .desc("where run folders go (default: results); an earlier run's folder is never touched").get();
    /** The longest {@code --timeout}: 365 days, beyond any run, and far from any overflow. */
    static final long MAX_TIMEOUT_SECONDS = 365L * 24 * 60 * 60;
    static final Option TIMEOUT = Option.builder().longOpt("timeout").hasArg().argName("SECONDS")
            .desc("stop JCStress as hung after this long, 1 to " + MAX_TIMEOUT_SECONDS
                    + " (default: from the profile and the number of tests)").get();

    private CommonOptions() {
    }

    /** The tests a stress or vrace run takes, and how the bundle records the choice. */
    record Selection(Profile profile, TestCatalog catalog, List<StressTest> tests, Map<String, Object> options) {
    }

    /** {@code --profile}, {@code --tests-jar} and {@code --case}, read and checked together. */
    static Selection selection(CommandLine line) throws UsageException {
        Profile profile = profile(line);
        TestCatalog catalog = catalog(line);
        List<StressTest> tests = select(line, catalog);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("case", line.getOptionValue(CASE, ".*"));
        options.put("testsJar", catalog.location().toString());
        return new Selection(profile, catalog, tests, options);
    }

    static Profile profile(CommandLine line) throws UsageException {
        String id = line.getOptionValue(PROFILE, "quick");
        return Profile.byId(id).orElseThrow(() ->
                new UsageException("unknown profile '" + id + "' (profiles: " + Profile.ids() + ")"));
    }

    static TestCatalog catalog(CommandLine line) throws UsageException {
        try {
            return line.hasOption(TESTS_JAR) ? TestCatalog.open(Path.of(line.getOptionValue(TESTS_JAR)))
                    : TestCatalog.builtIn();
        } catch (CatalogException e) {
            throw new UsageException(e.getMessage());
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException("not a valid path: " + line.getOptionValue(TESTS_JAR));
        }
    }

    static List<StressTest> select(CommandLine line, TestCatalog catalog) throws UsageException {
        String regex = line.getOptionValue(CASE, ".*");
        try {
            List<StressTest> tests = catalog.select(regex);
            if (tests.isEmpty()) {
                throw new UsageException("no test matches --case '" + regex + "' (see 'racelab list')");
            }
            return tests;
        } catch (CatalogException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static Path out(CommandLine line) throws UsageException {
        try {
            return Path.of(line.getOptionValue(OUT, "results"));
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException("not a valid path: " + line.getOptionValue(OUT));
        }
    }

    static Duration timeout(CommandLine line, Duration byDefault) throws UsageException {
        if (!line.hasOption(TIMEOUT)) {
            return byDefault;
        }
        String v = line.getOptionValue(TIMEOUT);
        long s;
        try {
            s = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            s = 0;
        }
        if (s <= 0 || s > MAX_TIMEOUT_SECONDS) {
            throw new UsageException("--timeout takes a whole number of seconds from 1 to " + MAX_TIMEOUT_SECONDS
                    + " (365 days), not '" + v + "'");
        }
        return Duration.ofSeconds(s);
    }
}
