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

    /** A work folder named with '..' (lab grade --out ../grades) unpacks a good zip as any other. */
    @Test
    void aZipUnpacksIntoAFolderNamedWithDotDot(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("bob.zip");
        zip(zip, "src/lab/counter/Counter.java", "class Y {}".getBytes());
        Files.createDirectories(dir.resolve("x"));
        Submission s = Submission.find(counter, zip, dir.resolve("x/../work"));
        assertEquals("class Y {}", Files.readString(s.sources().get("lab/counter/Counter.java")));
    }

    /** A folder on the way that is a link (as unzip restores one) is not followed to another student's file. */
    @Test
    void aLinkedFolderInsideASubmissionIsNotFollowed(@TempDir Path dir) throws Exception {
        file(dir.resolve("bob/src/lab/counter/Counter.java"), "class Bob {}");
        Files.createDirectories(dir.resolve("eve"));
        Files.createSymbolicLink(dir.resolve("eve/src"), dir.resolve("bob/src"));
        LabException e = assertThrows(LabException.class, () -> Submission.find(counter, dir.resolve("eve"), dir.resolve("w")));
        assertTrue(e.getMessage().contains("has no lab/counter/Counter.java"), e.getMessage());
    }

    /** A byte-order mark, and a comment saved in Latin-1, as editors do: read, not refused nor misread. */
    @Test
    void predictionsSavedByAnyEditorAreRead(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("p/prediction.txt");
        Files.createDirectories(p.getParent());
        Files.write(p, concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "0, 0 = yes\n# d".getBytes(),
                new byte[]{(byte) 0xE9}, "j\u00e0 vu\n1, 1 = no\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        var read = LabBuild.predictions(new Submission(dir, java.util.Map.of("prediction.txt", p), null));
        assertEquals(2, read.size());
        assertEquals("0, 0", read.get(0).outcome());
        assertEquals("1, 1", read.get(1).outcome());
    }

    /** A jar of compiled classes: the classes of the student's file and its nested ones join the suite's, nothing else. */
    @Test
    void aJarsStudentClassesJoinTheGradingSuitesAndNoOther(@TempDir Path dir) throws Exception {
        Path from = dir.resolve("jar");
        file(from.resolve("lab/counter/Counter.class"), "c");
        file(from.resolve("lab/counter/Counter$1.class"), "c1");
        file(from.resolve("lab/counter/CounterTest.class"), "forged");
        Path classes = dir.resolve("classes");
        file(classes.resolve("lab/counter/CounterTest.class"), "the suite's");
        LabBuild.copyStudentClasses(counter.student(), from, classes);
        assertEquals("c", Files.readString(classes.resolve("lab/counter/Counter.class")));
        assertEquals("c1", Files.readString(classes.resolve("lab/counter/Counter$1.class")));
        assertEquals("the suite's", Files.readString(classes.resolve("lab/counter/CounterTest.class")));

        LabException e = assertThrows(LabException.class, () -> LabBuild.copyStudentClasses(counter.student(), from, classes));
        assertTrue(e.getMessage().contains("has the name of a class of the grading suite"), e.getMessage());
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
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
