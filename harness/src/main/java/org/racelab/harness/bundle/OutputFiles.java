package org.racelab.harness.bundle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * How racelab writes every file it makes for people ({@code bundle.json}, {@code report.html},
 * {@code report.md}, {@code junit.xml}, the chart files, {@code compare.html}, {@code compare.md}),
 * into a folder that may have come from someone else: a results folder unpacked from a tar may
 * hold a symbolic link where racelab is about to write.
 *
 * <ul>
 *   <li>A target that is a symbolic link (or anything but a regular file) is refused: racelab
 *       never writes through a link.</li>
 *   <li>The content goes to a temporary file with a fresh random name beside the target,
 *       created exclusively ({@code CREATE_NEW} with {@code NOFOLLOW_LINKS}: the open fails on any
 *       existing name, a planted link included), and is then moved onto the target in one atomic
 *       rename, which replaces a name and never follows one. A reader sees the old file or the
 *       new one, never half of one. {@link #writeDurably} also forces the content to the disk
 *       before the rename (about 4 ms a file on this project's VM), for {@code bundle.json}, which
 *       nothing can write again; a page or a chart is written again by {@code racelab report}.</li>
 *   <li>When anything fails (a full disk, say) the temporary file is deleted: nothing is left
 *       behind, and the old target is untouched.</li>
 * </ul>
 *
 * <p>It lives in {@code bundle} because every stage that writes output may import {@code bundle}
 * and {@code bundle} may import nothing else of racelab's: one writer for all of them, with no
 * new arrow between the stages.
 */
public final class OutputFiles {

    /** What the operating system says when a disk is full (strerror(ENOSPC) on Linux and macOS). */
    public static final String NO_SPACE = "No space left on device";
    /**
     * Below this much free space, a folder's disk counts as full when something in it failed: a
     * file system is full before its last bytes are taken (a write that needs a block fails), and
     * a failed tool may have deleted a temporary file or two since.
     */
    static final long FULL_BELOW_BYTES = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private OutputFiles() {
    }

    /** What goes into a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes text as UTF-8, safely (see the class comment). */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes a file safely (see the class comment): whole or not at all, never through a link. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, false);
    }

    /** As {@link #write}, and the content is on the disk before it takes the target's name. */
    public static void writeDurably(Path target, Content content) throws IOException {
        write(target, content, true);
    }

    private static void write(Path target, Content content, boolean durably) throws IOException {
        refuseLink(target);
        Path dir = target.toAbsolutePath().getParent();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + target.getFileName() + "." + random() + ".tmp");
            FileChannel channel;
            try {
                channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
            } catch (FileAlreadyExistsException taken) {
                if (attempt < 16) {
                    continue;
                }
                throw taken;
            }
            try {
                try (channel) {
                    // a library that closes the stream it is given (Jackson does) must not close the
                    // channel before the last bytes are flushed and forced to the disk
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16) {
                        @Override
                        public void close() throws IOException {
                            flush();
                        }
                    };
                    content.writeTo(out);
                    out.flush();
                    if (durably) {
                        channel.force(false);
                    }
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return;
            } catch (IOException | RuntimeException | Error e) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException | RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        }
    }

    /** Eight random bytes in hex: a name nobody could have planted a link under in advance. */
    private static String random() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Refuses every target in the list that is a symbolic link or not a regular file, before any
     * is written: a set of pages (report.html, report.md, junit.xml) is refused whole.
     */
    public static void refuseLinks(Iterable<Path> targets) throws IOException {
        for (Path t : targets) {
            refuseLink(t);
        }
    }

    private static void refuseLink(Path target) throws IOException {
        if (Files.isSymbolicLink(target)) {
            throw new FileSystemException(target.toString(), null,
                    "is a symbolic link; racelab does not write through one (remove it, or write somewhere else)");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileSystemException(target.toString(), null, "is there and is not a regular file");
        }
    }

    /**
     * The folder that output goes into, made with its parents if need be. A path that exists and
     * is not a folder is refused with a reason (not a bare "FileAlreadyExists").
     */
    public static Path folder(Path dir) throws IOException {
        // the nearest part of the path that exists must be a folder
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new FileSystemException(p.toString(), null, "is a file, not a folder");
                }
                break;
            }
        }
        return Files.createDirectories(dir);
    }

    /**
     * A folder racelab makes inside an output folder ({@code charts/}); a symbolic link planted under
     * its name is refused, so that no file is written into the folder the link points at.
     */
    public static Path subfolder(Path parent, String name) throws IOException {
        Path dir = parent.resolve(name);
        if (Files.isSymbolicLink(dir)) {
            throw new FileSystemException(dir.toString(), null,
                    "is a symbolic link; racelab does not write through one (remove it, or write somewhere else)");
        }
        return folder(dir);
    }

    /**
     * Why writing failed, as a person wants it said: the path and the system's reason, never a
     * bare exception name. A full disk is said as {@value #NO_SPACE}.
     */
    public static String reason(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String file = e instanceof FileSystemException f ? f.getFile() : null;
        if (message.contains(NO_SPACE) || message.contains("Disk quota exceeded")) {
            return (file == null ? "" : file + ": ") + NO_SPACE + " (the disk is full)";
        }
        if (!(e instanceof FileSystemException f)) {
            return message.isEmpty() ? e.getClass().getSimpleName() : message;
        }
        String why = f.getReason() != null ? f.getReason()
                : e instanceof NoSuchFileException ? "no such file or folder"
                : e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileAlreadyExistsException ? "already exists"
                : e instanceof NotDirectoryException ? "is not a folder"
                : e instanceof DirectoryNotEmptyException ? "is a folder that is not empty"
                : e.getClass().getSimpleName();
        String what = f.getOtherFile() == null ? file : file + " -> " + f.getOtherFile();
        return what == null ? why : what + ": " + why;
    }

    /**
     * When something failed in {@code folder}: "No space left on device" with the free space,
     * if that folder's disk is full (under 64 KiB free), else empty. A tool that could not write
     * (JCStress, say, whose results file stays empty) does not always say why; this says it.
     */
    public static Optional<String> diskFull(Path folder) {
        try {
            FileStore store = Files.getFileStore(folder);
            long free = store.getUsableSpace();
            if (free < FULL_BELOW_BYTES) {
                return Optional.of(NO_SPACE + " in " + folder + " (" + free / 1024 + " KiB free)");
            }
        } catch (IOException | RuntimeException e) {
            // cannot tell: say nothing rather than guess
        }
        return Optional.empty();
    }
}
