package org.racelab.harness.bundle;


import java.nio.file.Path;
import java.util.List;

/**
 * A bundle as {@link BundleReader} let it through: the typed bundle, where it came from, and what
 * the reader cleaned on the way (each a line a person can act on).
 */
public record ReadBundle(Bundle bundle, Path file, List<String> cleaned) {

    public ReadBundle {
        cleaned = List.copyOf(cleaned);
    }

    /** The bench section, or null. */
    public BenchSection bench() {
        return bundle.bench();
    }
}
