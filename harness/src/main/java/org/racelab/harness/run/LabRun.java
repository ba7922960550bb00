package org.racelab.harness.run;

import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.bundle.BundleWriter;
import org.racelab.harness.bundle.OutputFiles;
import org.racelab.harness.bundle.ResultsFolder;
import org.racelab.harness.bundle.Machine;
import org.racelab.harness.machine.MachineProbe;
import org.racelab.harness.profile.Profile;
import org.racelab.harness.bundle.BadBundleException;
import org.racelab.harness.bundle.BundleReader;
import org.racelab.harness.console.ProgressDisplay;
import org.racelab.harness.report.ReportFiles;
import org.racelab.harness.format.Texts;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run, from start to bundle: makes the run folder, writes the bundle at the start and after
 * each section, and keeps what was measured when the run is cut short (Ctrl-C, a hung JVM).
 * Sections measure, the report package speaks to people; this class only connects them.
 */
public final class LabRun {

    private final BundleWriter writer = new BundleWriter();
    private final Terminal terminal;

    public LabRun(Terminal terminal) {
        this.terminal = terminal;
    }

    public int run(String command, Profile profile, Map<String, Object> options, Path outRoot, List<Section> sections)
            throws UsageException, EnvironmentException {
        Machine machine = MachineProbe.probe();
        Path folder;
        try {
            folder = ResultsFolder.create(outRoot, machine.host(), ZonedDateTime.now());
        } catch (IOException | SecurityException e) {
            // an output that cannot be written is ExitCode.ENVIRONMENT, whatever the command (see ExitCode)
            throw new EnvironmentException("cannot create a run folder under '" + outRoot + "': " + reason(e));
        }
        Bundle bundle = Bundle.start(Version.current(), command, profile.id(), options, now(), machine);
        save(folder, bundle);
        terminal.err().println("racelab " + command + ": profile " + profile.id() + ", writing to " + folder);

        boolean interrupted;
        try (RunGuard guard = new RunGuard()) {
            for (Section section : sections) {
                if (guard.interrupted()) {
                    break;
                }
                guard.onStop(() -> section.stop("interrupted (Ctrl-C or kill); results measured before are kept"));
                try {
                    bundle = section.run(bundle, profile, folder.resolve("raw"),
                            new ProgressDisplay(terminal.err(), terminal.interactive()));
                } catch (IOException e) {
                    bundle = bundle.finish(now(), List.of(section.name() + ": " + reason(e)));
                    save(folder, bundle);
                    throw new EnvironmentException("cannot run the " + section.name() + " section: " + reason(e)
                            + " (what was measured before is in " + folder.resolve(BundleWriter.FILE) + ")");
                }
                save(folder, bundle);
            }
            List<String> reasons = new ArrayList<>();
            for (Section s : sections) {
                reasons.addAll(s.problems(bundle));
            }
            interrupted = guard.interrupted();
            if (interrupted && reasons.isEmpty()) {
                reasons.add("interrupted (Ctrl-C or kill)");
            }
            // a tool that could not write its results says so in its own words, or not at all: a full
            // disk under the run folder is the likely cause, and is said first, in one line
            Optional<String> full = reasons.isEmpty() ? Optional.empty() : OutputFiles.diskFull(folder);
            full.ifPresent(f -> reasons.add(0, f));
            bundle = bundle.finish(now(), reasons);
            save(folder, bundle);
            for (Section s : sections) {
                try {
                    s.finished(bundle, folder);
                } catch (IOException e) {
                    terminal.err().println("racelab " + command + ": " + s.name() + ": " + reason(e));
                }
            }
            full.ifPresent(f -> terminal.err().println("racelab " + command + ": " + f
                    + ": a section that failed may have failed for that"));
            // inside the guard: a Ctrl-C waits for the report too, so no half-written page is left
            writeReport(folder);
        }
        if (interrupted) {
            terminal.err().println("racelab " + command + ": interrupted; what was measured is in "
                    + folder.resolve(BundleWriter.FILE));
            return ExitCode.FAILURE;
        }
        boolean failed = !bundle.complete();
        for (Section s : sections) {
            s.summarize(bundle, folder, terminal.out());
            failed |= s.failed(bundle);
        }
        return failed ? ExitCode.FAILURE : ExitCode.OK;
    }

    /** The report of the saved bundle, read back as any bundle is; a report that fails costs the run nothing. */
    private void writeReport(Path folder) {
        try {
            ReportFiles.Written written = ReportFiles.write(new BundleReader().read(folder), folder);
            List<Path> charts = written.files().stream().filter(f -> f.toString().endsWith(".svg")).toList();
            if (!charts.isEmpty()) {
                terminal.err().println("racelab: charts: " + charts.stream().map(Path::toString)
                        .collect(java.util.stream.Collectors.joining(", ")));
            }
            written.problems().forEach(p -> terminal.err().println("racelab: " + Texts.terminal(p)));
            terminal.err().println("racelab: report: " + folder.resolve(ReportFiles.HTML));
        } catch (BadBundleException | IOException | RuntimeException e) {
            terminal.err().println("racelab: no report written into " + folder + ": " + Texts.terminal(reason(e)));
        }
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
        if (e instanceof IOException io) {
            return OutputFiles.reason(io);
        }
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return m == null ? kind : kind + " " + m;
    }
}
