package org.racelab.harness.bundle;

import java.util.List;

/**
 * A case's lesson as the bundle keeps it: the topic of the notes, the sentence the case
 * demonstrates, the claim it tests, the outcome ids that are the race, and the architectures
 * expected to show it. The bundle's own copy, so the schema does not move when the catalog does.
 */
public record Lesson(String topic, String notes, String claim, List<String> race, List<String> observableOn) {

    public Lesson {
        topic = Records.text(topic);
        notes = Records.text(notes);
        claim = Records.text(claim);
        race = Records.list(race);
        observableOn = Records.list(observableOn);
    }
}
