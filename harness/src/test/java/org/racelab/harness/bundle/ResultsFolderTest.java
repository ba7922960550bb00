package org.racelab.harness.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsFolderTest {

    @Test
    void twoRunsInTheSameSecondGetTwoFoldersAndTheFirstIsUntouched(@TempDir Path root) throws IOException {
        ZonedDateTime now = ZonedDateTime.now();
        Path first = ResultsFolder.create(root, "box", now);
        Files.writeString(first.resolve("bundle.json"), "{}");
        Path second = ResultsFolder.create(root, "box", now);
        assertNotEquals(first, second);
        assertEquals("{}", Files.readString(first.resolve("bundle.json")));
        assertTrue(second.getFileName().toString().startsWith(first.getFileName().toString()));
    }

    @Test
    void aHostNameBecomesASafeFolderName() {
        assertEquals("a_b_.._c", ResultsFolder.safe("a/b/../c"));
        assertEquals("host", ResultsFolder.safe(".."));
        assertEquals("my-box.lan", ResultsFolder.safe("my-box.lan"));
    }
}
