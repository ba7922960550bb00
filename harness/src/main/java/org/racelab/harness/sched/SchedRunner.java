package org.racelab.harness.sched;

import org.racelab.harness.bundle.Json;
import org.racelab.harness.bundle.SchedCarriers;
import org.racelab.harness.bundle.SchedFootprint;
import org.racelab.harness.bundle.SchedPreemption;
import org.racelab.harness.bundle.SchedSection;
import org.racelab.harness.bundle.SchedTimeslice;
import org.racelab.harness.profile.SchedSizes;
import org.racelab.harness.progress.ProgressListener;
import org.racelab.harness.vm.ChildJvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs the scheduling experiments, each in child JVMs of its own ({@link SchedChild}), and puts
 * what they measured into the bundle's sched section. The child JVMs run on the harness's own
 * class path, one after another, so that no two experiments share the CPUs; each writes its JSON
 * and its console log into {@code raw/sched/}.
 */
public final class SchedRunner {

    static final String RAW_DIR = "sched";

    private final ChildJvm jvm = new ChildJvm();
    /** Where the children read {@code /proc} and {@code /sys} from; null: the real ones. */
    private final Path readingsRoot;

    public SchedRunner() {
        this(null);
    }

    /**
     * A runner whose children read {@code /proc} and {@code /sys} under {@code readingsRoot}: an
     * empty folder makes them run as on a machine that has none (macOS, Windows), which is how
     * the tests check that such a machine gets every reading it cannot take under "missing".
     */
    SchedRunner(Path readingsRoot) {
        this.readingsRoot = readingsRoot;
    }
    private volatile String stopReason;

    /** Stops the run from another thread (Ctrl-C): the running child is ended, what was measured is kept. */
    public void stop(String reason) {
        stopReason = reason;
        jvm.stop(reason);
    }

    /** One child JVM to run. */
    record Child(String name, Experiment experiment, Integer carriers, List<String> jvmArgs, List<String> args,
                 double estimateSeconds) {
    }

    public SchedSection run(SchedRequest request, ProgressListener progress) throws IOException {
        int cpus = Runtime.getRuntime().availableProcessors();
        Path dir = request.rawDir().resolve(RAW_DIR);
        Files.createDirectories(dir);
        long started = System.nanoTime();
        List<Child> children = plan(request, cpus, dir);
        long estimate = Math.round(children.stream().mapToDouble(c -> c.estimateSeconds() + 0.5).sum());
        progress.started("sched", children.size(), estimate);

        Set<String> missing = new LinkedHashSet<>();
        List<String> incomplete = new ArrayList<>();
        SchedTimeslice timeslice = null;
        List<SchedCarriers.CarrierRun> carrierRuns = new ArrayList<>();
        List<SchedPreemption.PreemptionRun> preemptionRuns = new ArrayList<>();
        List<SchedFootprint.FootprintRun> footprintRuns = new ArrayList<>();
        int done = 0;
        for (Child child : children) {
            if (stopReason != null) {
                incomplete.add(child.name() + ": not run (" + stopReason + ")");
                continue;
            }
            progress.progressed(done, children.size(), child.name());
            try {
                ChildResult r = runChild(child, dir);
                missing.addAll(r.missing());
                if (r.timeslice() != null) {
                    timeslice = r.timeslice();
                }
                if (r.carriers() != null) {
                    carrierRuns.add(r.carriers());
                }
                if (r.preemption() != null) {
                    preemptionRuns.add(r.preemption());
                }
                if (r.footprint() != null) {
                    footprintRuns.add(r.footprint());
                }
            } catch (ChildFailure e) {
                incomplete.add(child.name() + ": " + e.getMessage());
            }
            progress.progressed(++done, children.size(), child.name());
        }
        progress.finished();

        SchedSizes s = request.sizes();
        List<Experiment> asked = request.experiments();
        return new SchedSection(asked.stream().map(Experiment::id).toList(), cpus, incomplete.isEmpty(),
                List.copyOf(incomplete), List.copyOf(missing), (System.nanoTime() - started) / 1e9,
                timeslice,
                asked.contains(Experiment.CARRIERS) ? new SchedCarriers(s.carriersThreads(), s.carriersRounds(),
                        s.carriersComputeMillis(), s.carriersBlockMillis(), List.copyOf(carrierRuns)) : null,
                asked.contains(Experiment.PREEMPTION) ? new SchedPreemption(request.preemptionThreads(cpus),
                        s.preemptionWorkMillis(), List.copyOf(preemptionRuns)) : null,
                asked.contains(Experiment.FOOTPRINT) ? new SchedFootprint(request.footprintN(),
                        List.copyOf(footprintRuns)) : null);
    }

    static List<Child> plan(SchedRequest request, int cpus, Path dir) {
        SchedSizes s = request.sizes();
        List<Child> children = new ArrayList<>();
        for (Experiment e : request.experiments()) {
            switch (e) {
                case TIMESLICE -> {
                    int threads = s.timesliceThreadsPerCpu() * cpus;
                    children.add(new Child("timeslice", e, null, List.of(), List.of(
                            "threads=" + threads, "seconds=" + s.timesliceSeconds(),
                            "thresholdNanos=" + TimesliceExperiment.DEFAULT_THRESHOLD_NANOS,
                            "gaps=" + dir.resolve("timeslice-gaps.txt").toAbsolutePath()),
                            s.timesliceSeconds() + 0.2 * threads));
                }
                case CARRIERS -> {
                    for (int p : request.carrierCounts(cpus)) {
                        double seconds = s.carriersThreads() * s.carriersRounds() * s.carriersComputeMillis()
                                / 1000 / Math.min(p, cpus);
                        children.add(new Child("carriers-p" + p, e, p, List.of(), List.of(
                                "threads=" + s.carriersThreads(), "rounds=" + s.carriersRounds(),
                                "computeMillis=" + s.carriersComputeMillis(), "blockMillis=" + s.carriersBlockMillis()),
                                seconds));
                    }
                }
                case PREEMPTION -> {
                    int threads = request.preemptionThreads(cpus);
                    long iterations = CpuWork.calibrate(s.preemptionWorkMillis());
                    double seconds = threads * s.preemptionWorkMillis() / 1000 / cpus;
                    children.add(new Child("preemption-platform", e, null, List.of(), List.of(
                            "kind=platform", "threads=" + threads, "iterations=" + iterations), seconds));
                    for (int p : request.preemptionCarriers(cpus)) {
                        children.add(new Child("preemption-virtual-p" + p, e, p, List.of(), List.of(
                                "kind=virtual", "threads=" + threads, "iterations=" + iterations),
                                threads * s.preemptionWorkMillis() / 1000 / Math.min(p, cpus)));
                    }
                }
                case FOOTPRINT -> {
                    int n = request.footprintN();
                    // Serial GC: its "used heap after a full GC" is exact, and it adds no GC threads to count.
                    for (String kind : List.of("platform", "virtual")) {
                        children.add(new Child("footprint-" + kind, e, null, List.of("-XX:+UseSerialGC"),
                                List.of("kind=" + kind, "threads=" + n),
                                kind.equals("platform") ? Math.min(n, 10_000) * 150e-6 : n * 5e-6));
                    }
                }
            }
        }
        return children;
    }

    private ChildResult runChild(Child child, Path dir) throws ChildFailure {
        return runChild(child, dir, Duration.ofSeconds(60 + Math.round(child.estimateSeconds() * 4)));
    }

    /** Runs one child; the watchdog stops it after {@code timeout}. */
    ChildResult runChild(Child child, Path dir, Duration timeout) throws ChildFailure {
        Path out = dir.resolve(child.name() + ".json");
        Path log = dir.resolve(child.name() + ".log");
        List<String> jvmArgs = new ArrayList<>();
        if (child.carriers() != null) {
            // Both: parallelism alone lets the scheduler add carriers while others are blocked.
            jvmArgs.add("-Djdk.virtualThreadScheduler.parallelism=" + child.carriers());
            jvmArgs.add("-Djdk.virtualThreadScheduler.maxPoolSize=" + child.carriers());
        }
        jvmArgs.addAll(child.jvmArgs());
        if (readingsRoot != null) {
            jvmArgs.add("-D" + LinuxReadings.ROOT_PROPERTY + "=" + readingsRoot.toAbsolutePath());
        }
        List<String> args = new ArrayList<>();
        args.add(out.toAbsolutePath().toString());
        args.add(child.experiment().id());
        args.addAll(child.args());
        ChildJvm.Ending ending;
        try {
            Files.deleteIfExists(out);
            if (stopReason != null) {
                throw new ChildFailure(stopReason);
            }
            ending = jvm.run(ChildJvm.command(jvmArgs, null, SchedChild.class.getName(), args), null, log,
                    timeout, line -> { });
        } catch (IOException e) {
            throw new ChildFailure("cannot start a JVM: " + e.getMessage());
        }
        if (ending.stopped()) {
            throw new ChildFailure(stopReason != null ? stopReason : ending.stopReason());
        }
        if (ending.exitCode() != 0 || !Files.exists(out)) {
            throw new ChildFailure(String.format(Locale.ROOT, "the JVM exited with code %d: %s (log: %s/%s)",
                    ending.exitCode(), lastLine(log), RAW_DIR, log.getFileName()));
        }
        try {
            return Json.mapper().readValue(out.toFile(), ChildResult.class);
        } catch (IOException e) {
            throw new ChildFailure("its data could not be read: " + e.getMessage());
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.stream().filter(l -> !l.isBlank() && !l.startsWith("\tat ")).reduce((a, b) -> b)
                    .orElse("no output").strip();
        } catch (IOException e) {
            return "no output";
        }
    }

    static final class ChildFailure extends Exception {
        ChildFailure(String message) {
            super(message);
        }
    }
}
