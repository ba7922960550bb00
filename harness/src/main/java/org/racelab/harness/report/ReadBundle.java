package org.racelab.harness.report;

import org.racelab.harness.bundle.Bundle;

import java.nio.file.Path;
import java.util.List;

/**
 * A bundle as {@link BundleReader} let it through: the typed bundle, the bench section (read
 * from the JSON by its field names, see {@link BenchView}), where it came from, and what the
 * reader cleaned on the way (each a line a person can act on).
 */
public record ReadBundle(Bundle bundle, BenchView bench, Path file, List<String> cleaned) {

    public ReadBundle {
        cleaned = List.copyOf(cleaned);
    }
}
