package org.racelab.harness.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.io.FileUtils;
import org.racelab.harness.Main;
import org.racelab.harness.bundle.BadBundleException;
import org.racelab.harness.bundle.BundleReader;
import org.racelab.harness.bundle.BundleWriter;
import org.racelab.harness.bundle.OutputFiles;
import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.format.Texts;
import org.racelab.harness.grade.Grade;
import org.racelab.harness.grade.GradeBook;
import org.racelab.harness.grade.Grades;
import org.racelab.harness.grade.SubmissionRow;
import org.racelab.harness.profile.Profile;
import org.racelab.harness.run.EnvironmentException;
import org.racelab.harness.run.ExitCode;
import org.racelab.harness.run.Terminal;
import org.racelab.harness.run.UsageException;
import org.racelab.harness.vm.ChildJvm;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code racelab lab grade}: a class's submissions, one at a time (or {@code --jobs} at once), each
 * checked by {@code racelab lab check} in a JVM of its own, with a time limit, a heap limit and a
 * cap on its console, its process tree killed when it ends. No student class is loaded into this
 * JVM; a submission that does not compile, hangs, exits, floods its output or crashes gets a row
 * that says so, and the batch goes on. Every finished row is written at once (and the class's
 * grades.csv, grades.md and junit.xml with it): a batch stopped half-way keeps them, and a re-run
 * skips them unless {@code --force}.
 */
public final class LabGrade {

    static final String ROW = "row.json";
    static final String LOG = "check.log";
    /** What one check may print (racelab's own lines; the student's go to files under it). */
    static final long OUTPUT_CAP = 2L * 1024 * 1024;
    private static final List<String> CHECK_HEAP = List.of("-Xmx512m");
    /** The check's temporary folder, in the submission's folder. */
    static final String CHECK_TMP = "tmp";

    public record Request(Path labsDir, String assignment, Path submissions, Profile profile, Path outRoot,
                          boolean force, int jobs, boolean bwrap, Duration timeout) {
    }

    private final Terminal terminal;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public LabGrade(Terminal terminal) {
        this.terminal = terminal;
    }

    public int run(Request r) throws UsageException, EnvironmentException, LabException {
        Labs labs = Labs.of(r.labsDir());
        Labs.Lab lab = labs.get(r.assignment());
        Assignment a = lab.assignment();
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus < a.minCpus() && a.fewerCpus() == null) {
            throw new EnvironmentException("this machine gives " + cpus + (cpus == 1 ? " CPU" : " CPUs")
                    + "; assignment " + a.id() + " needs " + a.minCpus() + ", one per actor of its JCStress tests:"
                    + " a racy submission would pass here, so it cannot be graded on this machine");
        }
        if (r.bwrap() && !onPath("bwrap")) {
            throw new EnvironmentException("--sandbox bwrap: bubblewrap is not installed (apt-get install bubblewrap)");
        }
        if (!Files.isDirectory(r.submissions())) {
            throw new UsageException("not a folder of submissions: " + r.submissions());
        }
        List<Path> subs = submissions(r.submissions());
        if (subs.isEmpty()) {
            throw new UsageException(r.submissions() + " holds no submission (a sub-folder, a zip or a jar each)");
        }
        Path folder;
        try {
            folder = OutputFiles.folder(r.outRoot().resolve(a.id()));
            Files.createDirectories(folder.resolve("submissions"));
        } catch (IOException e) {
            throw new EnvironmentException("cannot write the grades under " + r.outRoot() + ": " + OutputFiles.reason(e));
        }
        Duration timeout = r.timeout() != null ? r.timeout() : timeout(a, r.profile());
        List<String> testIds = a.tests().stream().map(Assignment.Test::id).toList();
        Map<String, SubmissionRow> rows = new TreeMap<>();
        terminal.err().println("racelab lab grade: " + a.id() + ", " + subs.size() + " submissions, profile "
                + r.profile().id() + ", at most " + timeout.toSeconds() + " s each, " + r.jobs() + " at a time"
                + (r.bwrap() ? ", in bubblewrap" : "") + "; writing to " + folder);
        AtomicInteger done = new AtomicInteger();
        List<Path> todo = new ArrayList<>();
        Map<Path, String> names = names(subs);
        for (Path s : subs) {
            String name = names.get(s);
            Optional<SubmissionRow> old = r.force() ? Optional.empty() : readRow(folder, name);
            if (old.isPresent()) {
                rows.put(name, old.get());
                terminal.err().println("  " + Texts.terminal(name) + ": graded before (" + old.get().score() + " of "
                        + old.get().maxScore() + "), skipped; --force grades it again");
            } else {
                todo.add(s);
            }
        }
        try {
            save(folder, a.id(), testIds, rows);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write the grades into " + folder + ": " + OutputFiles.reason(e));
        }
        ExecutorService pool = Executors.newFixedThreadPool(r.jobs());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Path s : todo) {
                futures.add(pool.submit(() -> {
                    String name = names.get(s);
                    SubmissionRow row = gradeOne(r, lab, s, name, folder, timeout, a.maxPoints());
                    if (Thread.currentThread().isInterrupted()) {
                        return null; // the batch is stopping: its check was cut short, not graded (no row)
                    }
                    synchronized (rows) {
                        rows.put(name, row);
                        writeRow(folder, name, row);
                        save(folder, a.id(), testIds, rows);
                        terminal.err().println(String.format(Locale.ROOT, "  [%d/%d] %s: %s (%.0f s)",
                                done.incrementAndGet(), todo.size(), Texts.terminal(name), summary(row), row.seconds()));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.FAILURE;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new EnvironmentException("grading stopped: " + e.getCause().getMessage());
        } finally {
            pool.shutdownNow();
        }
        terminal.out().println("racelab lab grade: " + rows.size() + " submissions of " + a.id() + ": "
                + folder.resolve(GradeBook.CSV) + ", " + folder.resolve(GradeBook.MARKDOWN) + ", "
                + folder.resolve(GradeBook.JUNIT));
        return ExitCode.OK;
    }

    /**
     * What the sandbox shows read-only over its private /tmp: the submission, the labs, and racelab
     * itself (its class path and its JDK), any of which may lie under /tmp.
     */
    static List<Path> readOnlyInSandbox(Path sub, Path labsDir) {
        List<Path> paths = new ArrayList<>(List.of(sub));
        if (labsDir != null) {
            paths.add(labsDir);
        }
        paths.add(Path.of(System.getProperty("java.home")));
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty() && Files.exists(Path.of(e))) {
                paths.add(Path.of(e));
            }
        }
        return paths;
    }

    /** Long enough for a slow check, short enough that a hang costs minutes, not the night. */
    static Duration timeout(Assignment a, Profile profile) {
        long stress = a.ofKind("stress").size() + a.ofKind("predict").size();
        Duration perTest = LabStressSectionRun.perTest(profile).plus(profile.vraceBudget().multipliedBy(3))
                .plusSeconds(15);
        return Duration.ofSeconds(150).plus(perTest.multipliedBy(stress));
    }

    private SubmissionRow gradeOne(Request r, Labs.Lab lab, Path sub, String name, Path folder, Duration timeout,
                                   int max) throws IOException {
        Path dir = folder.resolve("submissions").resolve(name);
        FileUtils.deleteQuietly(dir.toFile());
        // the check's own temporary folder lies in the submission's: a check killed at its limit
        // (SIGKILL, no clean-up of its own) leaves nothing in the machine's /tmp
        Path tmp = Files.createDirectories(dir.resolve(CHECK_TMP));
        Path runs = dir.resolve("run");
        List<String> args = new ArrayList<>(List.of("lab", "check", sub.toAbsolutePath().toString(),
                "--assignment", lab.id(), "--profile", r.profile().id(), "--out", runs.toAbsolutePath().toString()));
        if (r.labsDir() != null) {
            args.addAll(List.of("--labs", r.labsDir().toAbsolutePath().toString()));
        }
        List<String> cmd = new ArrayList<>();
        if (r.bwrap()) {
            // the whole file system read-only, a /tmp of its own; then, on top, the submission and the
            // labs read-only (they may lie under /tmp) and the submission's output folder writable
            cmd.addAll(List.of("bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"));
            for (Path ro : readOnlyInSandbox(sub, r.labsDir())) {
                String p = ro.toAbsolutePath().toString();
                cmd.addAll(List.of("--ro-bind", p, p));
            }
            String out = dir.toAbsolutePath().toString();
            cmd.addAll(List.of("--bind", out, out, "--unshare-net", "--die-with-parent", "--"));
        }
        List<String> jvmArgs = new ArrayList<>(CHECK_HEAP);
        jvmArgs.add("-Djava.io.tmpdir=" + tmp.toAbsolutePath().normalize());
        cmd.addAll(ChildJvm.command(jvmArgs, null, Main.class.getName(), args));
        long t0 = System.nanoTime();
        ChildJvm jvm = new ChildJvm().capOutput(OUTPUT_CAP);
        ChildJvm.Ending end;
        try {
            end = jvm.run(cmd, dir, dir.resolve(LOG), timeout, line -> { });
        } finally {
            FileUtils.deleteQuietly(tmp.toFile());
        }
        double seconds = Math.round((System.nanoTime() - t0) / 1e8) / 10.0;
        List<String> log = Files.readAllLines(dir.resolve(LOG), StandardCharsets.UTF_8);
        Optional<ReadBundle> bundle = bundle(runs);
        Optional<Grade> grade = bundle.flatMap(b -> Grades.of(b.bundle()));
        String rel = bundle.map(b -> folder.relativize(b.file()).toString()).orElse(null);
        if (end.stopped()) {
            String status = end.stopReason().startsWith("flooded") ? "flood" : "hang";
            String why = "the check " + end.stopReason() + (status.equals("hang")
                    ? " (a deadlock, an endless loop or a lost wake-up in the submission)" : "");
            return grade.map(g -> new SubmissionRow(name, status, g.score(), g.maxScore(), g.rows(), why,
                    List.of(), rel, seconds)).orElse(SubmissionRow.ungraded(name, status, max, why, tail(log), seconds));
        }
        if (grade.isPresent()) {
            return SubmissionRow.of(name, grade.get(), rel, seconds);
        }
        List<String> lines = log.stream().filter(l -> !l.isBlank()).toList();
        String last = lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
        return switch (end.exitCode()) {
            case ExitCode.USAGE -> last.contains("does not compile")
                    ? SubmissionRow.ungraded(name, "does-not-compile", max, strip(last), tail(lines), seconds)
                    : SubmissionRow.ungraded(name, "bad-submission", max, strip(last), List.of(), seconds);
            case ExitCode.ENVIRONMENT -> SubmissionRow.ungraded(name, "cannot-grade", max, strip(last), List.of(), seconds);
            default -> SubmissionRow.ungraded(name, "crashed", max, "the check ended with exit code " + end.exitCode()
                    + " and wrote no grade: " + strip(last), tail(lines), seconds);
        };
    }

    private static String strip(String line) {
        return line.replaceFirst("^racelab lab( check)?: ", "");
    }

    private static List<String> tail(List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - 30), lines.size());
    }

    static Optional<ReadBundle> bundle(Path runs) {
        if (!Files.isDirectory(runs)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(runs)) {
            // one check, one run folder: a second one was not written by the check (the submission's
            // own code can write there), and neither is trusted
            List<Path> files = dirs.map(d -> d.resolve(BundleWriter.FILE)).filter(Files::isRegularFile).toList();
            if (files.size() != 1) {
                return Optional.empty();
            }
            return Optional.of(new BundleReader().read(files.get(0)));
        } catch (IOException | BadBundleException e) {
            return Optional.empty();
        }
    }

    private static String summary(SubmissionRow row) {
        return row.status().equals("graded") ? row.score() + " of " + row.maxScore() + " points"
                : row.status() + (row.status().equals("hang") || row.status().equals("flood")
                ? ", " + row.score() + " of " + row.maxScore() + " points" : "") + ": " + Texts.cut(row.problem(), 160);
    }

    /** The submissions: each sub-folder, zip and jar, hidden ones and links left out. */
    static List<Path> submissions(Path dir) throws UsageException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !Files.isSymbolicLink(p))
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || isArchive(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UsageException("cannot list " + dir + ": " + e.getMessage());
        }
    }

    private static boolean isArchive(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && (n.endsWith(".zip") || n.endsWith(".jar"));
    }

    /** A submission's name as a folder name: its own, with anything but letters, digits, dot, dash and underscore replaced. */
    static String name(Path sub) {
        String n = sub.getFileName().toString().replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return n.startsWith(".") ? "_" + n : n;
    }

    /**
     * Each submission's row name, one per submission: two whose names come out the same ("O'Brien"
     * and "O Brien", or names that differ in case only, on a file system that ignores case) get
     * "-2", "-3", ... in the order of their own names, so neither row nor folder is lost.
     */
    static Map<Path, String> names(List<Path> subs) {
        Map<Path, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Path s : subs.stream().sorted().toList()) {
            String base = name(s);
            String n = base;
            for (int i = 2; !taken.add(n.toLowerCase(Locale.ROOT)); i++) {
                n = base + "-" + i;
            }
            names.put(s, n);
        }
        return names;
    }

    /** The row a re-run keeps; one that cannot be read, or is not final, is graded again. */
    private Optional<SubmissionRow> readRow(Path folder, String name) {
        Path f = folder.resolve("submissions").resolve(name).resolve(ROW);
        try {
            return Files.isRegularFile(f) ? Optional.of(json.readValue(f.toFile(), SubmissionRow.class))
                    .filter(LabGrade::isFinal) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A row that a re-run keeps: not a grade whose check was cut short (a batch stopped with Ctrl-C
     * while it ran), nor a check that ended without a grade for a reason of racelab's or the machine's.
     */
    static boolean isFinal(SubmissionRow row) {
        return !row.status().equals("crashed") && !(row.status().equals("graded") && row.problem() != null);
    }

    private void writeRow(Path folder, String name, SubmissionRow row) throws IOException {
        byte[] bytes = json.writeValueAsBytes(row);
        OutputFiles.write(folder.resolve("submissions").resolve(name).resolve(ROW), out -> out.write(bytes));
    }

    private static void save(Path folder, String assignment, List<String> testIds, Map<String, SubmissionRow> rows)
            throws IOException {
        GradeBook.write(folder, assignment, testIds, List.copyOf(rows.values()));
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool)));
    }
}
