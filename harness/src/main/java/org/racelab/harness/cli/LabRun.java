package org.racelab.harness.cli;

import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.bundle.BundleWriter;
import org.racelab.harness.bundle.ResultsFolder;
import org.racelab.harness.bundle.StressSection;
import org.racelab.harness.machine.Machine;
import org.racelab.harness.machine.MachineProbe;
import org.racelab.harness.profile.Profile;
import org.racelab.harness.report.ProgressDisplay;
import org.racelab.harness.report.StressSummary;
import org.racelab.harness.stress.StressRequest;
import org.racelab.harness.stress.StressRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run, from start to bundle: makes the run folder, writes the bundle at the start and after
 * each section, and keeps what was measured when the run is cut short.
 * Runners measure; {@link StressSummary} speaks to people; this class only connects them.
 */
final class LabRun {

    private final BundleWriter writer = new BundleWriter();
    private final Terminal terminal;

    LabRun(Terminal terminal) {
        this.terminal = terminal;
    }

    /** The inputs of the stress section, once the run folder is known. */
    interface StressPlan {
        StressRequest request(Path rawDir);
    }

    int run(String command, Profile profile, Map<String, Object> options, Path outRoot, StressPlan plan)
            throws UsageException, EnvironmentException {
        Machine machine = MachineProbe.probe();
        Path folder;
        try {
            folder = ResultsFolder.create(outRoot, machine.host(), ZonedDateTime.now());
        } catch (IOException | SecurityException e) {
            throw new UsageException("cannot create a run folder under '" + outRoot + "': " + reason(e));
        }
        Bundle bundle = Bundle.start(Version.current(), command, profile.id(), options, now(), machine);
        save(folder, bundle);
        terminal.err().println("racelab " + command + ": profile " + profile.id() + ", writing to " + folder);

        List<String> reasons = new ArrayList<>();
        StressSection stress;
        StressRunner runner = new StressRunner();
        try (RunGuard guard = new RunGuard()) {
            guard.onStop(() -> runner.stop("interrupted (Ctrl-C or kill); results measured before are kept"));
            try {
                stress = runner.run(plan.request(folder.resolve("raw")),
                        new ProgressDisplay(terminal.err(), terminal.interactive()));
            } catch (IOException e) {
                throw new EnvironmentException("cannot run JCStress: " + reason(e));
            }
            if (!stress.complete()) {
                reasons.add("stress: " + stress.incomplete());
            }
            bundle = bundle.withStress(stress).finish(now(), reasons);
            save(folder, bundle);
            if (guard.interrupted()) {
                terminal.err().println("racelab " + command + ": interrupted; what was measured is in "
                        + folder.resolve(BundleWriter.FILE));
                return ExitCode.FAILURE;
            }
        }
        new StressSummary(terminal.out()).print(stress, folder);
        return exitCode(stress);
    }

    private static int exitCode(StressSection stress) {
        boolean failed = stress.tests().stream()
                .anyMatch(t -> t.verdict().equals("FAILED") || t.verdict().equals("ERROR"));
        return failed || !stress.complete() ? ExitCode.FAILURE : ExitCode.OK;
    }

    private void save(Path folder, Bundle bundle) throws EnvironmentException {
        try {
            writer.write(folder, bundle);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write " + folder.resolve(BundleWriter.FILE) + ": " + reason(e));
        }
    }

    private static String now() {
        return ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return m == null ? kind : kind + " " + m;
    }
}
