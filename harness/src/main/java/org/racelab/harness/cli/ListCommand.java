package org.racelab.harness.cli;

import org.racelab.harness.run.Terminal;
import org.racelab.harness.run.ExitCode;
import org.racelab.harness.run.UsageException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.racelab.harness.catalog.StressTest;
import org.racelab.harness.catalog.TestCatalog;
import org.racelab.harness.console.CatalogListing;

import java.util.List;

/** {@code racelab list}: the case catalog, by case, with the lesson and the variants of each. */
final class ListCommand implements Command {

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String summary() {
        return "list the case catalog: each case, its topic of the notes, its variants, its race";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(CommonOptions.CASE)
                .addOption(CommonOptions.TESTS_JAR);
    }

    @Override
    public String example() {
        return "racelab list --case Communication";
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws UsageException {
        TestCatalog catalog = CommonOptions.catalog(line);
        List<StressTest> tests = CommonOptions.select(line, catalog);
        new CatalogListing(terminal.out()).print(tests);
        return ExitCode.OK;
    }
}
