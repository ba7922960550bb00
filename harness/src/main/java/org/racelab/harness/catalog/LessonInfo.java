package org.racelab.harness.catalog;

import java.util.List;

/**
 * A case's lesson as the case file states it in its {@code @Lesson}: the topic of the notes,
 * the sentence it demonstrates, the claim it tests, and the outcome ids that are the race.
 * {@code observableOn} comes from the variant's {@code @Observable}, if any.
 */
public record LessonInfo(String topic, String notes, String claim, List<String> race, List<String> observableOn) {

    public LessonInfo {
        race = List.copyOf(race);
        observableOn = List.copyOf(observableOn);
    }
}
