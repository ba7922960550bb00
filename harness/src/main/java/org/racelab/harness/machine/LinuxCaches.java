package org.racelab.harness.machine;

import org.racelab.harness.bundle.Machine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU 0's caches as the Linux kernel describes them ({@code /sys/devices/system/cpu/cpu0/cache}).
 *
 * <p>OSHI 6.10 reads the same files but drops the unit of {@code size} ("48K" becomes 48 bytes),
 * seen on this project's 2-vCPU AMD EPYC machine; the kernel's own words are used where they exist.
 */
final class LinuxCaches {

    private LinuxCaches() {
    }

    static Optional<List<Machine.Cache>> read(Path cacheDir) {
        if (!Files.isDirectory(cacheDir)) {
            return Optional.empty();
        }
        List<Machine.Cache> caches = new ArrayList<>();
        try (Stream<Path> indexes = Files.list(cacheDir)) {
            for (Path index : indexes.filter(p -> p.getFileName().toString().startsWith("index")).sorted().toList()) {
                caches.add(new Machine.Cache(Integer.parseInt(text(index, "level")),
                        text(index, "type").toLowerCase(Locale.ROOT), bytes(text(index, "size")),
                        Integer.parseInt(text(index, "coherency_line_size")),
                        Integer.parseInt(text(index, "ways_of_associativity"))));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return caches.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(caches));
    }

    /** "48K" to 49152: the kernel writes sizes with a K, M or G suffix (binary multiples). */
    static long bytes(String size) {
        String s = size.strip().toUpperCase(Locale.ROOT);
        long unit = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            default -> 1L;
        };
        String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
        return Long.parseLong(digits) * unit;
    }

    private static String text(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve(file)).strip();
    }
}
