package org.racelab.harness.stress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.DiskWriteCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The results file of a JCStress JVM that is killed before it can close it: a copy of the file
 * taken while it is still open is what a killed JVM leaves on disk.
 */
class ResultFileWriterTest {

    @Test
    void aResultsFileLeftOpenByAKilledJvmReadsToItsLastWholeResult(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jcstress-results-racelab.bin.gz");
        try (ResultFileWriter writer = new ResultFileWriter(file)) {
            for (int i = 0; i < 3; i++) {
                writer.add(result(i));
            }
            Path left = Files.copy(file, dir.resolve("left-by-a-killed-jvm.bin.gz"));
            ResultFileReader.Read read = ResultFileReader.read(left);
            assertEquals(3, read.results().size(), "every result added is on disk");
            assertEquals(1001, read.results().get(1).getCount("1"));
            assertTrue(read.truncated(), "the file was never closed");
            assertEquals(3, writer.written());
        }
        ResultFileReader.Read closed = ResultFileReader.read(file);
        assertEquals(3, closed.results().size());
        assertFalse(closed.truncated(), "a closed file ends cleanly");
    }

    @Test
    void jcstressOwnWriterLosesEveryResultOfAJvmThatIsKilled(@TempDir Path dir) throws Exception {
        // why racelab writes the file itself: JCStress 0.16's writer keeps its results in the
        // compressor until it is closed, at the very end of a run
        Path file = dir.resolve("jcstress-results-jcstress.bin.gz");
        DiskWriteCollector jcstress = new DiskWriteCollector(file.toString());
        for (int i = 0; i < 3; i++) {
            jcstress.add(result(i));
        }
        Path left = Files.copy(file, dir.resolve("left-by-a-killed-jvm.bin.gz"));
        jcstress.close();
        assertEquals(10, Files.size(left), "only the gzip header is on disk");
        assertEquals(0, ResultFileReader.read(left).results().size());
        assertEquals(3, ResultFileReader.read(file).results().size(), "all of them, once closed");
    }

    private static TestResult result(int i) {
        TestResult r = new TestResult(Status.NORMAL);
        r.addState("0", 1000 * i);
        r.addState("1", 1000 + i);
        return r;
    }
}
