package org.racelab.harness.bundle;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Makes the new folder of a run, {@code <root>/<host>-<yyyyMMdd-HHmmss>}, and never reuses one:
 * the folder is created atomically, and a name already taken gets a suffix.
 */
public final class ResultsFolder {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private ResultsFolder() {
    }

    public static Path create(Path root, String host, ZonedDateTime now) throws IOException {
        OutputFiles.folder(root);
        String base = safe(host) + "-" + STAMP.format(now.withZoneSameInstant(ZoneId.systemDefault()));
        for (int attempt = 1; ; attempt++) {
            Path folder = root.resolve(attempt == 1 ? base : base + "-" + attempt);
            try {
                return Files.createDirectory(folder);
            } catch (FileAlreadyExistsException taken) {
                // another run started within the same second: take the next name
            }
        }
    }

    /** A host name as a folder name: letters, digits, dot, dash and underscore only. */
    static String safe(String host) {
        String s = host == null ? "" : host.replaceAll("[^A-Za-z0-9._-]", "_");
        s = s.replaceAll("^[.]+", "");
        return s.isEmpty() ? "host" : s;
    }
}
