package org.racelab.harness.lab;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder of assignments: racelab's own (packed into its jar under {@code labs/}), or a teacher's
 * ({@code --labs DIR}) in the same format. Each sub-folder with an {@code assignment.json} is one.
 */
public final class Labs {

    public static final String BUILT_IN = "built-in";
    static final String ASSIGNMENT_JSON = "assignment.json";
    /** An assignment file larger than this is not one. */
    private static final long MAX_JSON = 256 * 1024;

    private static FileSystem jarFileSystem;

    private final String source;
    private final List<Lab> labs;

    /** One assignment and the folder that holds it. */
    public record Lab(Assignment assignment, Path folder) {
        public String id() {
            return assignment.id();
        }
    }

    private Labs(String source, List<Lab> labs) {
        this.source = source;
        this.labs = List.copyOf(labs);
    }

    /** racelab's own assignments. */
    public static Labs builtIn() throws LabException {
        return read(builtInRoot(), BUILT_IN);
    }

    /** A teacher's folder of assignments; null means racelab's own. */
    public static Labs of(Path dir) throws LabException {
        if (dir == null) {
            return builtIn();
        }
        if (!Files.isDirectory(dir)) {
            throw new LabException("--labs: not a folder: " + dir);
        }
        return read(dir.toAbsolutePath().normalize(), dir.toAbsolutePath().normalize().toString());
    }

    private static synchronized Path builtInRoot() throws LabException {
        Path location;
        try {
            location = Path.of(Labs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate racelab's own labs", e);
        }
        if (Files.isDirectory(location)) {
            return location.resolve("labs");
        }
        try {
            if (jarFileSystem == null) {
                jarFileSystem = FileSystems.newFileSystem(location);
            }
            return jarFileSystem.getPath("/labs");
        } catch (IOException e) {
            throw new LabException("cannot read racelab's own labs in " + location + ": " + e.getMessage());
        }
    }

    private static Labs read(Path root, String source) throws LabException {
        List<Lab> labs = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path dir : dirs.sorted().toList()) {
                    if (Files.isRegularFile(dir.resolve(ASSIGNMENT_JSON))) {
                        labs.add(new Lab(readAssignment(dir), dir));
                    }
                }
            } catch (IOException e) {
                throw new LabException("cannot list the assignments in " + source + ": " + e.getMessage());
            }
        }
        if (labs.isEmpty()) {
            throw new LabException("no assignments in " + source + " (each is a folder with an " + ASSIGNMENT_JSON + ")");
        }
        return new Labs(source, labs);
    }

    static Assignment readAssignment(Path dir) throws LabException {
        Path file = dir.resolve(ASSIGNMENT_JSON);
        String id = dir.getFileName().toString().replace("/", "");
        try {
            if (Files.size(file) > MAX_JSON) {
                throw new LabException(file + ": larger than " + MAX_JSON / 1024 + " KiB, not an assignment");
            }
            return Assignment.of(id, mapper().readValue(Files.readString(file), Assignment.File.class));
        } catch (JacksonException e) {
            throw new LabException(file + ": " + e.getOriginalMessage().lines().findFirst().orElse("not valid JSON"));
        } catch (IOException e) {
            throw new LabException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static ObjectMapper mapper() {
        return JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    }

    public List<Lab> labs() {
        return labs;
    }

    public String source() {
        return source;
    }

    public Optional<Lab> find(String id) {
        return labs.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The assignment of that name, or a line that lists the names there are. */
    public Lab get(String id) throws LabException {
        return find(id).orElseThrow(() -> new LabException("no assignment '" + id + "' in " + source
                + " (there are: " + String.join(", ", labs.stream().map(Lab::id).toList()) + ")"));
    }
}
