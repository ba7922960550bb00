package org.racelab.stress;

/**
 * The headings of the lecture notes that the catalog draws on. The notes themselves are not
 * part of this repository; {@code docs/notes-claims.md} lists their claims, topic by topic.
 */
public enum NotesTopic {
    PROCESSES("Processes"),
    OPERATING_SYSTEMS("Operating Systems"),
    CONTEXT_SWITCH("Context Switch"),
    THREADS_VS_PROCESSES("Threads vs. Processes"),
    GOROUTINES("Goroutines"),
    INTERLEAVINGS("Interleavings"),
    RACE_CONDITIONS("Race Conditions");

    private final String heading;

    NotesTopic(String heading) {
        this.heading = heading;
    }

    /** The heading as the notes spell it. */
    public String heading() {
        return heading;
    }
}
