package org.racelab.harness.bundle;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The bundles in a folder that someone collected: every {@code bundle.json} in it and in the
 * folders below it. A folder that holds a {@code bundle.json} is a run folder: its own
 * {@code raw/} and {@code charts/} are not searched. The folder may be someone's unpacked tar,
 * so the search follows no symbolic link, goes at most {@value #DEPTH} folders deep, looks at
 * most at {@value #ENTRIES} entries, and keeps at most {@code most} bundles; what it passes over
 * is said, one line each (a {@code bundle.json} that is a link, a FIFO or a device, a folder it
 * cannot read) or in one line (the bundles past {@code most}).
 */
public final class BundleFinder {

    /** Folders below the one given that are searched. */
    public static final int DEPTH = 16;
    /** Files and folders looked at in one search. */
    public static final int ENTRIES = 200_000;

    /**
     * @param bundles the bundle files found, in path order
     * @param skipped one line per thing passed over: "PATH: why"
     */
    public record Found(List<Path> bundles, List<String> skipped) {
        public Found {
            bundles = List.copyOf(bundles);
            skipped = List.copyOf(skipped);
        }
    }

    private BundleFinder() {
    }

    /** Whether {@code dir} is a run folder: it holds a {@code bundle.json} (of whatever kind). */
    public static boolean isRunFolder(Path dir) {
        return Files.exists(dir.resolve(BundleWriter.FILE), LinkOption.NOFOLLOW_LINKS);
    }

    /** The bundles in {@code dir} and below it, at most {@code most} of them. */
    public static Found find(Path dir, int most) throws IOException {
        List<Path> found = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        long[] entries = {0};
        long[] past = {0};
        Files.walkFileTree(dir, EnumSet.noneOf(FileVisitOption.class), DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (++entries[0] > ENTRIES) {
                    return FileVisitResult.TERMINATE;
                }
                Path bundle = d.resolve(BundleWriter.FILE);
                if (!isRunFolder(d)) {
                    return FileVisitResult.CONTINUE;
                }
                if (Files.isSymbolicLink(bundle)) {
                    skipped.add(bundle + ": a symbolic link, not followed");
                } else if (!Files.isRegularFile(bundle, LinkOption.NOFOLLOW_LINKS)) {
                    skipped.add(bundle + ": not a regular file (a folder, FIFO, device or socket is never opened)");
                } else if (found.size() >= most) {
                    past[0]++;
                } else {
                    found.add(bundle);
                }
                return FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                return ++entries[0] > ENTRIES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                skipped.add(f + ": cannot read it: " + e.getClass().getSimpleName());
                return FileVisitResult.CONTINUE;
            }
        });
        if (entries[0] > ENTRIES) {
            skipped.add(String.format(Locale.ROOT, "%s: the search stopped after %,d files and folders; "
                    + "give the folders that hold the bundles", dir, ENTRIES));
        }
        if (past[0] > 0) {
            skipped.add(String.format(Locale.ROOT, "%s: %,d more bundles past the %,d one compare reads", dir,
                    past[0], most));
        }
        found.sort(null);
        return new Found(found, skipped);
    }
}
