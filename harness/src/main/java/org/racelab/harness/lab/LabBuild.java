package org.racelab.harness.lab;

import org.racelab.harness.bundle.LabSection;
import org.racelab.harness.vm.ChildJvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns a submission into what the runners take: the student's classes compiled with the grading
 * suite (JCStress's runners generated, its {@code META-INF/TestList} written), or, for a "predict"
 * assignment, the student's predictions read.
 */
final class LabBuild {

    static final String PREDICTION_FILE = "prediction.txt";
    private static final Duration COMPILE_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern PREDICTION = Pattern.compile("\\s*(.+?)\\s*=\\s*(\\S*)\\s*");
    private static final long MAX_PREDICTION = 64 * 1024;

    private LabBuild() {
    }

    /** The submission does not compile: the compiler's messages, for the student. */
    static final class CompileFailure extends LabException {
        private final List<String> messages;

        CompileFailure(String what, List<String> messages) {
            super(what);
            this.messages = List.copyOf(messages);
        }

        List<String> messages() {
            return messages;
        }
    }

    /**
     * Compiles the student's files with the grading suite into {@code work/classes}.
     *
     * @throws CompileFailure when javac refuses them
     */
    static Path compile(Labs.Lab lab, Submission sub, Path work) throws LabException, IOException {
        Path src = work.resolve("src");
        for (Map.Entry<String, Path> e : sub.sources().entrySet()) {
            if (e.getKey().endsWith(".java")) {
                Path to = src.resolve("student").resolve(e.getKey());
                Files.createDirectories(to.getParent());
                if (Files.size(e.getValue()) > Submission.MAX_FILE) {
                    throw new LabException(e.getKey() + " is larger than " + Submission.MAX_FILE / 1024 + " KiB");
                }
                Files.copy(e.getValue(), to);
            }
        }
        copyTree(lab.folder().resolve("grading"), src.resolve("grading"));
        Path classes = work.resolve("classes");
        Path log = work.resolve("compile.log");
        ChildJvm.Ending end = new ChildJvm().run(ChildJvm.command(List.of("-Xmx768m"), null,
                        CompileMain.class.getName(), List.of(classes.toString(), src.toString(),
                                sub.classes() == null ? "" : sub.classes().toString())),
                work, log, COMPILE_TIMEOUT, line -> { });
        List<String> messages = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        if (end.exitCode() == CompileMain.NO_COMPILER) {
            throw new NoCompiler(String.join(" ", messages));
        }
        if (end.stopped()) {
            throw new LabException("the compiler " + end.stopReason());
        }
        if (end.exitCode() != 0) {
            long errors = messages.stream().filter(m -> m.contains(": error: ")).count();
            boolean grading = messages.stream().anyMatch(m -> m.startsWith("grading/"));
            throw new CompileFailure("the submission does not compile: " + errors + (errors == 1 ? " error" : " errors")
                    + (grading ? " (an error in grading/ means the grading tests cannot use the student's classes"
                    + " as written: a renamed method or class, a changed signature)" : ""), messages);
        }
        if (sub.classes() != null) {
            copyStudentClasses(lab.assignment().student(), sub.classes(), classes);
        }
        return classes;
    }

    /**
     * A submission of compiled classes: the classes of the student's files (and their nested
     * classes) join the grading suite's, which the runners load. Nothing else in the jar does, and
     * no class of the grading suite is replaced.
     */
    static void copyStudentClasses(List<String> student, Path from, Path classes) throws IOException, LabException {
        for (String file : student) {
            if (!file.endsWith(".java")) {
                continue;
            }
            Path source = from.resolve(file).getParent();
            String base = Path.of(file).getFileName().toString().replaceFirst("\\.java$", "");
            if (source == null || !Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Path target = classes.resolve(file).getParent();
            Files.createDirectories(target);
            try (Stream<Path> all = Files.list(source)) {
                for (Path c : all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                    String name = c.getFileName().toString();
                    if (!name.equals(base + ".class") && !(name.startsWith(base + "$") && name.endsWith(".class"))) {
                        continue;
                    }
                    if (Files.exists(target.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                        throw new LabException("the submission's " + name + " has the name of a class of the grading"
                                + " suite");
                    }
                    Files.copy(c, target.resolve(name));
                }
            }
        }
    }

    /** This Java has no compiler: racelab needs a JDK. */
    static final class NoCompiler extends LabException {
        NoCompiler(String message) {
            super(message);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
    }

    /**
     * The student's predictions: one line per outcome, {@code 0, 0 = yes} or {@code = no}; blank
     * lines and lines starting with {@code #} are comments.
     */
    static List<LabSection.Prediction> predictions(Submission sub) throws LabException, IOException {
        Path file = sub.sources().get(PREDICTION_FILE);
        if (file == null) {
            throw new LabException("the submission has no " + PREDICTION_FILE);
        }
        if (Files.size(file) > MAX_PREDICTION) {
            throw new LabException(PREDICTION_FILE + " is larger than " + MAX_PREDICTION / 1024 + " KiB");
        }
        List<LabSection.Prediction> out = new ArrayList<>();
        int n = 0;
        // as an editor may save it: a byte-order mark first, or a comment in another encoding
        // (its bytes read as U+FFFD; the outcomes and answers are ASCII)
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (String line : text.lines().toList()) {
            n++;
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            Matcher m = PREDICTION.matcher(line);
            String answer = m.matches() ? m.group(2).toLowerCase(Locale.ROOT) : "";
            if (!answer.equals("yes") && !answer.equals("no")) {
                throw new LabException(PREDICTION_FILE + " line " + n + ": write 'OUTCOME = yes' or 'OUTCOME = no'"
                        + " (e.g. '0, 1 = yes'), not '" + (line.length() > 60 ? line.substring(0, 57) + "..." : line) + "'");
            }
            out.add(new LabSection.Prediction(m.group(1), answer.equals("yes")));
        }
        return out;
    }
}
