package org.racelab.harness.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes {@code bundle.json} so that a reader never sees half a file, through {@link OutputFiles}:
 * to a fresh temporary file in the same folder first, forced to the disk, then moved over the old
 * one in one step. A run writes its bundle when it starts and again after each section, so a run
 * cut short still leaves what it measured.
 */
public final class BundleWriter {

    public static final String FILE = "bundle.json";

    private final ObjectMapper json = Json.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Path folder, Bundle bundle) throws IOException {
        OutputFiles.writeDurably(folder.resolve(FILE), out -> json.writeValue(out, bundle));
    }
}
