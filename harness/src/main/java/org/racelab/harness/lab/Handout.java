package org.racelab.harness.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The student's copy of an assignment ({@code racelab lab start}): the task, the starter, how to
 * check it, and a marker that tells {@code lab check} which assignment the folder is. Never the
 * reference solution, the grading suite's hidden parts or the known-wrong submissions.
 */
public final class Handout {

    static final String MARKER = ".racelab-lab.json";
    static final String HOW_TO_CHECK = "CHECK.md";

    private Handout() {
    }

    /** Writes the handout into {@code dir}, which must not exist yet; returns the files written. */
    public static java.util.List<Path> write(Labs labs, Labs.Lab lab, Path dir) throws LabException, IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new LabException(dir + " already exists: racelab lab start writes a new folder and never"
                    + " overwrites one (pick another name, or remove it yourself)");
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new LabException("cannot write " + dir + ": " + parent + " is not a folder");
        }
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new LabException(dir + " already exists: racelab lab start never overwrites a folder");
        }
        java.util.List<Path> written = new java.util.ArrayList<>();
        Path task = lab.folder().resolve("task.md");
        if (Files.isRegularFile(task)) {
            Files.copy(task, dir.resolve("task.md"));
            written.add(dir.resolve("task.md"));
        }
        Path starter = lab.folder().resolve("starter");
        for (String s : lab.assignment().student()) {
            Path from = starter.resolve(s);
            if (!Files.isRegularFile(from)) {
                continue;
            }
            Path to = s.endsWith(".java") ? dir.resolve("src").resolve(s) : dir.resolve(s);
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
            written.add(to);
        }
        Files.writeString(dir.resolve(HOW_TO_CHECK), howToCheck(lab, dir));
        written.add(dir.resolve(HOW_TO_CHECK));
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("assignment", lab.id());
        if (!labs.source().equals(Labs.BUILT_IN)) {
            marker.put("labs", labs.source());
        }
        Files.write(dir.resolve(MARKER), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(marker));
        written.add(dir.resolve(MARKER));
        return written;
    }

    private static String howToCheck(Labs.Lab lab, Path dir) {
        Assignment a = lab.assignment();
        StringBuilder s = new StringBuilder("# Checking your work: " + a.title() + "\n\n");
        s.append("Edit ").append(String.join(", ", a.student().stream().map(f -> "`" + (f.endsWith(".java")
                ? "src/" + f : f) + "`").toList())).append(". Then, from this folder:\n\n");
        s.append("    racelab lab check\n\n");
        s.append("It compiles your code with the grading tests and runs them: the JUnit tests, then the ")
                .append("JCStress tests on platform threads and on virtual threads. Each test says passed or ")
                .append("failed, with what the run saw. Exit code 0: all passed; 1: a test failed; 2: your code ")
                .append("does not compile; 3: this machine cannot grade the assignment (too few CPUs).\n\n");
        s.append("A race shows on a machine with at least ").append(a.minCpus()).append(a.minCpus() == 1 ? " CPU" : " CPUs")
                .append(". Passing once is evidence, not proof: a race that did not happen in this run can still ")
                .append("happen in the next.\n");
        return s.toString();
    }

    /** The assignment (and the teacher's labs folder, if any) a handout folder was made for. */
    record Marker(String assignment, Path labs) {
    }

    static Optional<Marker> marker(Path dir) throws LabException {
        Path file = dir.resolve(MARKER);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            if (Files.size(file) > 4096) {
                throw new LabException(file + " is not a racelab lab marker (too large)");
            }
            JsonNode n = new ObjectMapper().readTree(Files.readString(file));
            String id = n.path("assignment").asText(null);
            if (id == null) {
                throw new LabException(file + " names no assignment");
            }
            String labs = n.path("labs").asText(null);
            return Optional.of(new Marker(id, labs == null ? null : Path.of(labs)));
        } catch (IOException e) {
            throw new LabException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
