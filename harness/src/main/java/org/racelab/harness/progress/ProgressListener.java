package org.racelab.harness.progress;

/**
 * Hears how far a runner has got. Runners report; whoever listens decides how to show it.
 */
public interface ProgressListener {

    /** The work is known: {@code total} steps, about {@code estimateSeconds} in all. */
    void started(String what, long total, long estimateSeconds);

    /** {@code done} of the total steps are finished; {@code note} is a short status, may be empty. */
    void progressed(long done, long total, String note);

    void finished();

    ProgressListener NONE = new ProgressListener() {
        @Override
        public void started(String what, long total, long estimateSeconds) {
        }

        @Override
        public void progressed(long done, long total, String note) {
        }

        @Override
        public void finished() {
        }
    };
}
