package org.racelab.harness.lab;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding a student's files in what they handed in, which is untrusted input. */
class SubmissionTest {

    private static Assignment counter;

    @BeforeAll
    static void assignment() throws LabException {
        counter = Labs.builtIn().get("counter").assignment();
    }

    @Test
    void aHandoutFolderAndAnyOtherLayoutAreFound(@TempDir Path dir) throws Exception {
        Path handout = file(dir.resolve("a/src/lab/counter/Counter.java"), "class A {}");
        assertEquals(handout, Submission.find(counter, dir.resolve("a"), dir.resolve("w1")).sources()
                .get("lab/counter/Counter.java"));
        Path flat = file(dir.resolve("b/my work/Counter.java"), "class B {}");
        assertEquals(flat, Submission.find(counter, dir.resolve("b"), dir.resolve("w2")).sources()
                .get("lab/counter/Counter.java"));
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) throws IOException {
        file(dir.resolve("s/Other.java"), "class O {}");
        LabException e = assertThrows(LabException.class, () -> Submission.find(counter, dir.resolve("s"), dir.resolve("w")));
        assertTrue(e.getMessage().contains("has no lab/counter/Counter.java"), e.getMessage());
    }

    @Test
    void aZipIsUnpackedAndItsSourcesFound(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("alice.zip");
        zip(zip, "project/src/lab/counter/Counter.java", "class Z {}".getBytes());
        Submission s = Submission.find(counter, zip, dir.resolve("work"));
        Path found = s.sources().get("lab/counter/Counter.java");
        assertTrue(found.startsWith(dir.resolve("work")), found.toString());
        assertEquals("class Z {}", Files.readString(found));
        assertNull(s.classes());
    }

    @Test
    void anEntryThatWouldLeaveItsFolderIsRefused(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("evil.zip");
        zip(zip, "../../outside.txt", "x".getBytes());
        LabException e = assertThrows(LabException.class, () -> Submission.find(counter, zip, dir.resolve("work")));
        assertTrue(e.getMessage().contains("outside the folder"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("outside.txt")));
    }

    @Test
    void anArchiveThatUnpacksTooLargeIsRefused(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("bomb.zip");
        zip(zip, "Counter.java", new byte[(int) Submission.MAX_FILE + 1]);
        LabException e = assertThrows(LabException.class, () -> Submission.find(counter, zip, dir.resolve("work")));
        assertTrue(e.getMessage().contains("unpacks to more than"), e.getMessage());
    }

    @Test
    void aLinkIsNotASubmission(@TempDir Path dir) throws Exception {
        Path target = file(dir.resolve("real/Counter.java"), "class R {}");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target.getParent());
        LabException e = assertThrows(LabException.class, () -> Submission.find(counter, link, dir.resolve("w")));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void predictionsAreReadAndABadLineIsNamed(@TempDir Path dir) throws Exception {
        Path ok = file(dir.resolve("p/prediction.txt"), "# mine\n0, 0 = yes\n\n1, 1 = No\n");
        var sub = new Submission(dir, java.util.Map.of("prediction.txt", ok), null);
        var p = LabBuild.predictions(sub);
        assertEquals(2, p.size());
        assertTrue(p.get(0).possible());
        assertEquals("1, 1", p.get(1).outcome());
        assertFalse(p.get(1).possible());
        Path bad = file(dir.resolve("q/prediction.txt"), "0, 0 = ?\n");
        LabException e = assertThrows(LabException.class,
                () -> LabBuild.predictions(new Submission(dir, java.util.Map.of("prediction.txt", bad), null)));
        assertTrue(e.getMessage().startsWith("prediction.txt line 1:"), e.getMessage());
    }

    private static Path file(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    private static void zip(Path zip, String name, byte[] content) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(content);
            z.closeEntry();
        }
    }
}
