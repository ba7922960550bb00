package org.racelab.harness.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkFoldersTest {

    /**
     * A killed check's folder goes; a running check's, and anything not named as a check names its
     * folder, stays. The ended process is one this test started and waited for: its pid could be
     * reused by another process within the test, which would only keep its folder (a failure of
     * this test, not a wrong deletion), and is not a realistic event.
     */
    @Test
    void theFoldersOfEndedChecksAreDeletedAndNothingElse(@TempDir Path tmp) throws Exception {
        Process ended = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ended.waitFor();
        long dead = ended.pid();
        long alive = ProcessHandle.current().pid();
        Path killed = Files.createDirectories(tmp.resolve(WorkFolders.PREFIX + dead + "-123/classes/lab"));
        Files.writeString(killed.resolve("Counter.class"), "x");
        Path running = Files.createDirectories(tmp.resolve(WorkFolders.PREFIX + alive + "-456"));
        Path other = Files.createDirectories(tmp.resolve(WorkFolders.PREFIX + "fixtures"));
        Path aFile = Files.writeString(tmp.resolve(WorkFolders.PREFIX + dead + "-789"), "not a folder");

        assertEquals(1, WorkFolders.sweep(tmp));
        assertFalse(Files.exists(tmp.resolve(WorkFolders.PREFIX + dead + "-123")));
        assertTrue(Files.isDirectory(running));
        assertTrue(Files.isDirectory(other));
        assertTrue(Files.isRegularFile(aFile));
    }

    @Test
    void aNewFolderIsNamedAfterThisProcess() throws Exception {
        Path work = WorkFolders.create();
        try {
            assertTrue(work.getFileName().toString().startsWith(WorkFolders.PREFIX + ProcessHandle.current().pid() + "-"),
                    work.toString());
            WorkFolders.sweep(work.getParent());
            assertTrue(Files.isDirectory(work), "a running check's folder is never swept");
        } finally {
            Files.deleteIfExists(work);
        }
    }
}
