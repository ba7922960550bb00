package org.racelab.harness.catalog;

import org.racelab.harness.bundle.Lesson;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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

    /** How many samples of a histogram show the race. */
    public long raceSamples(Map<String, Long> histogram) {
        return histogram.entrySet().stream().filter(e -> isRace(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    /** Whether an outcome is the race: an id matches as in JCStress, exactly or as a pattern. */
    public boolean isRace(String outcome) {
        for (String id : race) {
            if (id.equals(outcome) || Pattern.matches(id, outcome)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a quick run is expected to catch the race on this architecture. */
    public boolean observableOn(String arch) {
        return observableOn.contains(arch);
    }

    /** The bundle's own copy of this lesson. */
    public Lesson toBundle() {
        return new Lesson(topic, notes, claim, race, observableOn);
    }
}
