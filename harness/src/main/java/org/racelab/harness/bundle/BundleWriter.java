package org.racelab.harness.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes {@code bundle.json} so that a reader never sees half a file: to a temporary file in the
 * same folder first, then moved over the old one in one step. A run writes its bundle when it
 * starts and again after each section, so a run cut short still leaves what it measured.
 */
public final class BundleWriter {

    public static final String FILE = "bundle.json";

    private final ObjectMapper json = Json.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Path folder, Bundle bundle) throws IOException {
        Path tmp = folder.resolve(FILE + ".tmp");
        json.writeValue(tmp.toFile(), bundle);
        Files.move(tmp, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
