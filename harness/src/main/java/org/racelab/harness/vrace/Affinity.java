package org.racelab.harness.vrace;

import org.openjdk.jcstress.os.AffinitySupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the calling OS thread to one CPU, with JCStress's own {@code AffinitySupport} (JNA's
 * {@code sched_setaffinity}), as JCStress binds each actor of a test to a CPU of its own. Linux
 * only; elsewhere, or when the call fails, the thread stays unbound.
 */
final class Affinity {

    private Affinity() {
    }

    /** The CPUs this process may run on (Linux: {@code Cpus_allowed_list}), or null where that is not known. */
    static int[] allowedCpus() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return parse(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** A CPU list as Linux writes it: {@code 0-3,8,10-11}. */
    static int[] parse(String list) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] range = part.trim().split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            for (int c = from; c <= to && cpus.size() < 4096; c++) {
                cpus.add(c);
            }
        }
        return cpus.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Binds the current OS thread (a virtual thread: its carrier) to the CPU; false when it could not. */
    static boolean bind(int cpu) {
        try {
            AffinitySupport.bind(cpu);
            return true;
        } catch (Throwable e) {
            return false;
        }
    }
}
