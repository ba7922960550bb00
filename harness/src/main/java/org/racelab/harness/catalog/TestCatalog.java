package org.racelab.harness.catalog;

import org.racelab.stress.Lesson;
import org.racelab.stress.Observable;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The JCStress tests of one tests jar (or classes folder): racelab's own catalog, or a user's suite.
 *
 * <p>The tests and their {@code @Outcome} rules come from JCStress's {@code META-INF/TestList} in
 * that jar; the lessons come from the {@code @Lesson} and {@code @Observable} annotations of the
 * classes themselves, read without initialising them. So a case is written down once, in its file.
 */
public final class TestCatalog {

    static final String TEST_LIST = "META-INF/TestList";

    private final Path location;
    private final List<StressTest> tests;

    private TestCatalog(Path location, List<StressTest> tests) {
        this.location = location;
        this.tests = List.copyOf(tests);
    }

    /** racelab's own catalog: the jar (or classes folder) that holds the stress-tests module. */
    public static TestCatalog builtIn() throws CatalogException {
        try {
            return open(Path.of(Lesson.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate racelab's own stress tests", e);
        }
    }

    /** A tests jar or a classes folder with a {@code META-INF/TestList}. */
    public static TestCatalog open(Path jarOrDir) throws CatalogException {
        Path location = jarOrDir.toAbsolutePath().normalize();
        if (!Files.exists(location)) {
            throw new CatalogException("tests jar not found: " + jarOrDir);
        }
        if (!Files.isRegularFile(location) && !Files.isDirectory(location)) {
            // a FIFO would be read for ever, a device without end
            throw new CatalogException("tests jar is neither a file nor a folder: " + jarOrDir
                    + " (a FIFO, a device or a socket is not read)");
        }
        if (!Files.isReadable(location)) {
            throw new CatalogException("tests jar is not readable: " + jarOrDir);
        }
        List<StressTest> listed = Files.isDirectory(location) ? readFolder(location) : readJar(location);
        if (listed.isEmpty()) {
            throw new CatalogException("no JCStress tests in " + jarOrDir + " (its META-INF/TestList is empty)");
        }
        // cases by name; within a case, the variants in the order of the file (racy first, as written)
        listed.sort(Comparator.comparing(t -> t.binaryName().split("\\$")[0]));
        return new TestCatalog(location, withLessons(location, listed));
    }

    private static List<StressTest> readFolder(Path dir) throws CatalogException {
        Path list = dir.resolve(TEST_LIST);
        if (!Files.isRegularFile(list)) {
            throw new CatalogException("not a JCStress test suite: no " + TEST_LIST + " in " + dir);
        }
        try (InputStream in = Files.newInputStream(list)) {
            return new ArrayList<>(TestListReader.read(in, dir.toString()));
        } catch (IOException e) {
            throw new CatalogException("cannot read " + list + ": " + e.getMessage());
        }
    }

    private static List<StressTest> readJar(Path jar) throws CatalogException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(TEST_LIST);
            if (entry == null) {
                throw new CatalogException("not a JCStress tests jar: no " + TEST_LIST + " in " + jar);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return new ArrayList<>(TestListReader.read(in, jar.toString()));
            }
        } catch (ZipException e) {
            throw new CatalogException("not a jar file: " + jar);
        } catch (IOException e) {
            throw new CatalogException("cannot read " + jar + ": " + e.getMessage());
        }
    }

    private static List<StressTest> withLessons(Path location, List<StressTest> listed) {
        List<StressTest> result = new ArrayList<>(listed.size());
        try (URLClassLoader loader = new URLClassLoader(new URL[]{location.toUri().toURL()},
                TestCatalog.class.getClassLoader())) {
            for (StressTest t : listed) {
                result.add(new StressTest(t.name(), t.binaryName(), t.description(), t.actorNames(), t.rules(),
                        lessonOf(loader, t.binaryName())));
            }
        } catch (IOException e) {
            return listed;
        }
        return result;
    }

    private static Optional<LessonInfo> lessonOf(ClassLoader loader, String binaryName) {
        Class<?> test;
        try {
            test = Class.forName(binaryName, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        for (Class<?> c = test; c != null; c = c.getEnclosingClass()) {
            Lesson lesson = c.getAnnotation(Lesson.class);
            if (lesson != null) {
                Observable observable = test.getAnnotation(Observable.class);
                return Optional.of(new LessonInfo(lesson.topic().heading(), lesson.notes(), lesson.claim(),
                        Arrays.asList(lesson.race()),
                        observable == null ? List.of() : Arrays.asList(observable.on())));
            }
        }
        return Optional.empty();
    }

    public Path location() {
        return location;
    }

    public List<StressTest> tests() {
        return tests;
    }

    /**
     * The tests whose name the regular expression finds a match in, as JCStress's {@code -t} selects.
     *
     * @throws CatalogException if the expression is not valid
     */
    public List<StressTest> select(String regex) throws CatalogException {
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new CatalogException("--case is not a valid regular expression: " + e.getDescription()
                    + " in '" + regex + "'");
        }
        return tests.stream().filter(t -> p.matcher(t.name()).find()).toList();
    }
}
