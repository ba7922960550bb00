package org.racelab.harness.stress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** For tests of other packages: what JCStress's results file in a run's {@code raw/} holds. */
public final class RawResults {

    /** How many results the file holds, and whether it ended cleanly (closed) or was cut off. */
    public record Content(int results, boolean closed) {
    }

    private RawResults() {
    }

    /** The results file's content; none when JCStress never got as far as creating it. */
    public static Content of(Path rawDir) throws IOException {
        if (!Files.isDirectory(rawDir)) {
            return new Content(0, true);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(rawDir)) {
            files = s.filter(f -> f.getFileName().toString().matches("jcstress-results-.*\\.bin\\.gz")).toList();
        }
        if (files.isEmpty()) {
            return new Content(0, true);
        }
        ResultFileReader.Read read = ResultFileReader.read(files.get(0));
        return new Content(read.results().size(), !read.truncated());
    }
}
