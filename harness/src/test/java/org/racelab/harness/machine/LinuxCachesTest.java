package org.racelab.harness.machine;

import org.racelab.harness.bundle.Machine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LinuxCachesTest {

    @Test
    void sizesCarryTheirUnit() {
        assertEquals(48 * 1024, LinuxCaches.bytes("48K"));
        assertEquals(32L << 20, LinuxCaches.bytes("32M\n"));
        assertEquals(512, LinuxCaches.bytes("512"));
    }

    @Test
    void readsTheKernelsDescription(@TempDir Path dir) throws IOException {
        // the files of index0 as Linux 6.18 writes them on the project's AMD EPYC machine
        Path index0 = Files.createDirectories(dir.resolve("index0"));
        Files.writeString(index0.resolve("level"), "1\n");
        Files.writeString(index0.resolve("type"), "Data\n");
        Files.writeString(index0.resolve("size"), "48K\n");
        Files.writeString(index0.resolve("coherency_line_size"), "64\n");
        Files.writeString(index0.resolve("ways_of_associativity"), "12\n");
        assertEquals(List.of(new Machine.Cache(1, "data", 49152, 64, 12)), LinuxCaches.read(dir).orElseThrow());
    }
}
