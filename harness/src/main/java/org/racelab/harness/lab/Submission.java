package org.racelab.harness.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * What a student handed in, found: the assignment's student files, in sources or (from a jar) as
 * compiled classes. A submission is untrusted input: a folder's links are not followed, an
 * archive's entries may not leave the folder they unpack into, and its size is bounded.
 *
 * @param sources the student's files by the assignment's name for them (e.g.
 *                {@code lab/counter/Counter.java}), as found in the submission
 * @param classes a folder of the student's compiled classes (from a jar without sources), or null
 */
public record Submission(Path origin, Map<String, Path> sources, Path classes) {

    static final int MAX_ENTRIES = 2000;
    static final long MAX_BYTES = 32L * 1024 * 1024;
    static final long MAX_FILE = 1024L * 1024;
    private static final int MAX_DEPTH = 12;

    /**
     * Finds the student's files in a folder, a zip or a jar; an archive is unpacked under {@code work}.
     *
     * @throws LabException when the submission is unreadable or a student file is missing
     */
    public static Submission find(Assignment a, Path path, Path work) throws LabException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new LabException("no submission at " + path);
        }
        if (Files.isSymbolicLink(path)) {
            throw new LabException(path + " is a symbolic link: a submission is a folder, a zip or a jar");
        }
        Path folder = path;
        if (Files.isRegularFile(path)) {
            folder = unpack(path, work.resolve("unpacked"));
        } else if (!Files.isDirectory(path)) {
            throw new LabException(path + " is neither a folder nor a file (a FIFO or a device is not read)");
        } else {
            Path archive = onlyArchive(path);
            if (archive != null && !hasStudentSources(a, path)) {
                folder = unpack(archive, work.resolve("unpacked"));
            }
        }
        List<Path> files = files(folder);
        Map<String, Path> sources = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String want : a.student()) {
            Path found = locate(folder, files, want);
            if (found == null) {
                missing.add(want);
            } else {
                sources.put(want, found);
            }
        }
        if (missing.isEmpty()) {
            return new Submission(path, sources, null);
        }
        // a jar of compiled classes: the student's classes are the .class files of their sources' names
        List<Path> classes = files.stream().filter(f -> f.toString().endsWith(".class")).toList();
        boolean allCompiled = missing.stream().allMatch(m -> m.endsWith(".java")
                && classes.stream().anyMatch(c -> c.endsWith(m.replaceFirst("\\.java$", ".class"))));
        if (allCompiled && sources.isEmpty()) {
            return new Submission(path, Map.of(), classesRoot(folder, classes, a.student().get(0)));
        }
        throw new LabException("the submission " + path.getFileName() + " has no " + String.join(", ", missing)
                + " (a submission holds the files the assignment names: " + String.join(", ", a.student()) + ")");
    }

    private static boolean hasStudentSources(Assignment a, Path dir) throws LabException {
        List<Path> files = files(dir);
        return a.student().stream().anyMatch(s -> locate(dir, files, s) != null);
    }

    /** The one zip or jar in a folder that holds nothing else of interest, or null. */
    private static Path onlyArchive(Path dir) throws LabException {
        List<Path> archives = files(dir).stream().filter(f -> {
            String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.endsWith(".zip") || n.endsWith(".jar");
        }).toList();
        return archives.size() == 1 ? archives.get(0) : null;
    }

    /** The file for a student path: at that path under src/ or the folder, else the one file whose path ends so. */
    private static Path locate(Path folder, List<Path> files, String want) {
        // only what the walk found: a folder on the way that is a link (src -> another student's) is not followed
        for (Path p : List.of(folder.resolve("src").resolve(want), folder.resolve(want))) {
            if (files.contains(p)) {
                return p;
            }
        }
        List<Path> ending = files.stream().filter(f -> f.endsWith(want)).toList();
        if (ending.size() == 1) {
            return ending.get(0);
        }
        String name = Path.of(want).getFileName().toString();
        List<Path> named = files.stream().filter(f -> f.getFileName().toString().equals(name)).toList();
        return named.size() == 1 ? named.get(0) : null;
    }

    private static Path classesRoot(Path folder, List<Path> classes, String firstStudent) {
        String cls = firstStudent.replaceFirst("\\.java$", ".class");
        for (Path c : classes) {
            if (c.endsWith(cls)) {
                Path root = c;
                for (int i = 0; i < Path.of(cls).getNameCount(); i++) {
                    root = root.getParent();
                }
                return root;
            }
        }
        return folder;
    }

    /** Regular files under a folder, links not followed, at most {@link #MAX_ENTRIES}. */
    static List<Path> files(Path dir) throws LabException {
        try (Stream<Path> all = Files.walk(dir, MAX_DEPTH)) {
            List<Path> files = all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .limit(MAX_ENTRIES + 1L).toList();
            if (files.size() > MAX_ENTRIES) {
                throw new LabException(dir + " holds more than " + MAX_ENTRIES + " files: not a submission");
            }
            return files;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new LabException("cannot read the submission " + dir + ": " + e.getMessage());
        }
    }

    /** Unpacks a zip or jar, refusing entries that would leave {@code into}, links, and oversize archives. */
    static Path unpack(Path archive, Path folder) throws LabException {
        // normalized, as each entry's target is: a folder named with '.' or '..' would refuse every entry
        Path into = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(into);
        } catch (IOException e) {
            throw new LabException("cannot unpack " + archive + ": " + e.getMessage());
        }
        long total = 0;
        int entries = 0;
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (++entries > MAX_ENTRIES) {
                    throw new LabException(archive.getFileName() + " has more than " + MAX_ENTRIES + " entries");
                }
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into) || e.getName().contains("\\")) {
                    throw new LabException(archive.getFileName() + ": entry '" + e.getName()
                            + "' would be written outside the folder it is unpacked into");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(e); OutputStream out = Files.newOutputStream(target)) {
                    byte[] buf = new byte[8192];
                    long size = 0;
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        size += n;
                        total += n;
                        if (size > MAX_FILE || total > MAX_BYTES) {
                            throw new LabException(archive.getFileName() + ": unpacks to more than "
                                    + (size > MAX_FILE ? MAX_FILE / 1024 + " KiB in '" + e.getName() + "'"
                                    : MAX_BYTES / (1024 * 1024) + " MiB"));
                        }
                        out.write(buf, 0, n);
                    }
                }
            }
        } catch (ZipException e) {
            throw new LabException(archive.getFileName() + " is not a zip or jar file: " + e.getMessage());
        } catch (IOException e) {
            throw new LabException("cannot unpack " + archive.getFileName() + ": " + e.getMessage());
        }
        return into;
    }
}
