package org.racelab.harness.run;

import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.profile.Profile;
import org.racelab.harness.progress.ProgressListener;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * One section of a run (stress, and the others as they come): it runs its runner, puts what the
 * runner measured into the bundle, and says what the run's outcome owes to it. {@link LabRun}
 * runs the sections of a command one after another and saves the bundle after each.
 */
public interface Section {

    /** The section's name in the bundle and on the terminal, e.g. {@code stress}. */
    String name();

    /** Runs and returns the bundle with this section filled in; {@code rawDir} is for the tool's own files. */
    Bundle run(Bundle bundle, Profile profile, Path rawDir, ProgressListener progress) throws IOException;

    /** Stops a run in progress from another thread (Ctrl-C); {@link #run} then returns what it has. */
    void stop(String reason);

    /** Why this section is incomplete in the bundle, if it is. */
    List<String> problems(Bundle bundle);

    /** Whether the bundle shows a correctness failure in this section (exit code 1). */
    boolean failed(Bundle bundle);

    /** The section's lines for a person at the terminal. */
    void summarize(Bundle bundle, Path folder, PrintStream out);

    /**
     * The run is over and its bundle saved, whether it ran to the end or was cut short: a section
     * may write what it derives from the final bundle (a lab's grade files). Does nothing by default.
     */
    default void finished(Bundle bundle, Path folder) throws IOException {
    }
}
