package org.racelab.harness.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link OutputFiles}, the one way racelab writes a file for people: never through a link, never
 * half a file, nothing left behind, and a full disk said as such. The links here are real ones.
 */
class OutputFilesTest {

    @TempDir
    Path dir;

    @Test
    void aPlantedSymlinkIsNeverWrittenThrough() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        Path target = dir.resolve("report.html");
        Files.createSymbolicLink(target, victim);
        IOException e = assertThrows(IOException.class, () -> OutputFiles.writeString(target, "<html>"));
        assertTrue(OutputFiles.reason(e).contains("report.html: is a symbolic link"), OutputFiles.reason(e));
        assertEquals("precious", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(target), "the link is left as it was");
        assertEquals(List.of("report.html", "victim"), names(), "no temporary file left behind");
    }

    @Test
    void linksPlantedUnderTheOldTemporaryNamesAreNotFollowed() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        for (String planted : List.of("junit.xml.tmp", ".junit.xml.tmp", "bundle.json.tmp")) {
            Files.createSymbolicLink(dir.resolve(planted), victim);
        }
        OutputFiles.writeString(dir.resolve("junit.xml"), "<testsuites/>");
        assertEquals("precious", Files.readString(victim));
        assertEquals("<testsuites/>", Files.readString(dir.resolve("junit.xml")));
        assertFalse(Files.isSymbolicLink(dir.resolve("junit.xml")));
    }

    @Test
    void aLinkPlantedAsASubfolderIsRefused() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Files.createSymbolicLink(dir.resolve("charts"), elsewhere);
        IOException e = assertThrows(IOException.class, () -> OutputFiles.subfolder(dir, "charts"));
        assertTrue(OutputFiles.reason(e).contains("charts: is a symbolic link"), OutputFiles.reason(e));
        assertEquals(Path.of("fresh"), dir.relativize(OutputFiles.subfolder(dir, "fresh")));
    }

    @Test
    void aFailedWriteLeavesTheOldFileWholeAndNothingBehind() throws IOException {
        Path target = Files.writeString(dir.resolve("compare.html"), "the old page");
        IOException e = assertThrows(IOException.class, () -> OutputFiles.write(target, out -> {
            out.write("half a new page".getBytes());
            throw new IOException("cut off");
        }));
        assertEquals("cut off", e.getMessage());
        assertEquals("the old page", Files.readString(target));
        assertEquals(List.of("compare.html"), names(), "no temporary file left behind");
    }

    @Test
    void aLibraryThatClosesItsStreamStillGetsItsFileWritten() throws IOException {
        Path target = dir.resolve("bundle.json");
        OutputFiles.writeDurably(target, out -> {
            out.write('{');
            out.close();
            out.write('}');
        });
        assertEquals("{}", Files.readString(target));
    }

    @Test
    void aFileWhereAFolderShouldBeIsSaidSo() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        IOException e = assertThrows(IOException.class, () -> OutputFiles.folder(file));
        assertEquals(file + ": is a file, not a folder", OutputFiles.reason(e));
        IOException under = assertThrows(IOException.class, () -> OutputFiles.folder(file.resolve("results")));
        assertTrue(OutputFiles.reason(under).endsWith(": is a file, not a folder"), OutputFiles.reason(under));
    }

    /**
     * A full disk, for real: {@code /dev/full} answers every write with ENOSPC. The end-to-end check
     * on a full file system, where the test machine allows one, is in the CLI's OutputSafetyTest.
     */
    @Test
    void aFullDiskIsSaidInOneLine() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs /dev/full (Linux)");
        IOException e = assertThrows(IOException.class, () -> {
            try (FileChannel c = FileChannel.open(full, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(c)) {
                out.write(new byte[4096]);
            }
        });
        String reason = OutputFiles.reason(e);
        assertEquals("No space left on device (the disk is full)", reason);
        assertEquals(1, reason.lines().count());
        assertEquals("/x/report.html: No space left on device (the disk is full)",
                OutputFiles.reason(new java.nio.file.FileSystemException("/x/report.html", null, e.getMessage())));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
