package org.racelab.harness.run;

import org.racelab.harness.bench.BenchRequest;
import org.racelab.harness.bench.BenchRunner;
import org.racelab.harness.bundle.BenchSection;
import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.profile.Profile;
import org.racelab.harness.console.BenchSummary;
import org.racelab.harness.progress.ProgressListener;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The bench section: the selected JMH benchmarks, platform threads against virtual threads. */
public final class BenchSectionRun implements Section {

    private final String include;
    private final BenchRunner runner = new BenchRunner();

    public BenchSectionRun(String include) {
        this.include = include;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public Bundle run(Bundle bundle, Profile profile, Path rawDir, ProgressListener progress) throws IOException {
        return bundle.withBench(runner.run(new BenchRequest(include, profile.jmh(), profile.jmhHeadline(), Map.of(),
                rawDir), progress));
    }

    @Override
    public void stop(String reason) {
        runner.stop(reason);
    }

    @Override
    public List<String> problems(Bundle bundle) {
        BenchSection s = bundle.bench();
        return s == null || s.complete() ? List.of() : List.of("bench: " + s.incomplete());
    }

    @Override
    public boolean failed(Bundle bundle) {
        // A benchmark that fails makes the section incomplete (see problems), not a correctness failure.
        return false;
    }

    @Override
    public void summarize(Bundle bundle, Path folder, PrintStream out) {
        if (bundle.bench() != null) {
            new BenchSummary(out).print(bundle.bench(), folder);
        }
    }
}
