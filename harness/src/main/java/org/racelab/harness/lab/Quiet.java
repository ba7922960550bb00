package org.racelab.harness.lab;

import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.profile.Profile;
import org.racelab.harness.progress.ProgressListener;
import org.racelab.harness.run.Section;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A section of a lab check that runs and records as it does in any run, but neither prints its
 * own summary nor fails or cuts short the run by itself: the grade speaks for every section of a
 * lab check.
 */
record Quiet(Section section) implements Section {

    @Override
    public String name() {
        return section.name();
    }

    @Override
    public Bundle run(Bundle bundle, Profile profile, Path rawDir, ProgressListener progress) throws IOException {
        return section.run(bundle, profile, rawDir, progress);
    }

    @Override
    public void stop(String reason) {
        section.stop(reason);
    }

    /**
     * None for the run: what did not go well here is in the section's own record (a virtual-thread
     * configuration whose JVM ended early is marked incomplete there, and the grade shows its tests as
     * not run). The grade counts a FORBIDDEN outcome seen here, not a result missing here, so it
     * stays final.
     */
    @Override
    public List<String> problems(Bundle bundle) {
        return List.of();
    }

    @Override
    public boolean failed(Bundle bundle) {
        return false;
    }

    @Override
    public void summarize(Bundle bundle, Path folder, PrintStream out) {
        // the lab's grade is the summary
    }
}
