package org.racelab.harness.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The report tests' fixtures, under {@code src/test/resources/report/}: bundles captured from
 * real runs on the development machine (2 vCPUs AMD EPYC, Linux 6.18, Temurin 25), and hostile
 * or broken copies of them made by hand.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/report/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fixture " + name, e);
        }
    }

    /** A fixture as a JSON tree, to be changed by a test and written with {@link #write}. */
    public static ObjectNode tree(String name) {
        try {
            return (ObjectNode) Json.mapper().readTree(path(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code bundle} as {@code dir/bundle.json} (a run folder) and returns the folder. */
    public static Path write(JsonNode bundle, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(BundleWriter.FILE), Json.mapper().writeValueAsString(bundle));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReadBundle read(String name) {
        try {
            return new BundleReader().read(path(name));
        } catch (BadBundleException e) {
            throw new UncheckedIOException(new IOException(e.getMessage()));
        }
    }
}
