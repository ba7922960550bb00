package org.racelab.harness.sched;

import org.racelab.harness.bundle.SchedTimeslice.KernelSetting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * What Linux tells about scheduling and memory, read from {@code /proc} and {@code /sys}. Every
 * reading may be missing (another OS, an older or differently built kernel, no permission):
 * each method says so with an empty result, and the caller records what is missing.
 */
public final class LinuxReadings {

    /** The kernel's slice settings, the newest scheduler first (EEVDF since Linux 6.6, then CFS). */
    private static final List<String[]> SLICE_FILES = List.of(
            new String[]{"EEVDF base slice", "/proc/sys/kernel/sched_base_slice_ns"},
            new String[]{"EEVDF base slice", "/sys/kernel/debug/sched/base_slice_ns"},
            new String[]{"CFS minimum granularity", "/proc/sys/kernel/sched_min_granularity_ns"},
            new String[]{"CFS minimum granularity", "/sys/kernel/debug/sched/min_granularity_ns"},
            new String[]{"CFS target latency", "/proc/sys/kernel/sched_latency_ns"},
            new String[]{"CFS target latency", "/sys/kernel/debug/sched/latency_ns"});
    private static final String RR_SLICE = "/proc/sys/kernel/sched_rr_timeslice_ms";

    /**
     * The system property that points a scheduling child JVM at another root than {@code /}: set
     * by {@link SchedRunner#SchedRunner(Path)} to run the experiments as on a machine without
     * these readings (macOS and Windows have no {@code /proc}).
     */
    static final String ROOT_PROPERTY = "racelab.sched.readingsRoot";

    private final Path root;

    /** Reads the real {@code /proc} and {@code /sys} (or the root {@link #ROOT_PROPERTY} names). */
    public LinuxReadings() {
        this(Path.of(System.getProperty(ROOT_PROPERTY, "/")));
    }

    /** Reads a copy of them under {@code root} (tests). */
    LinuxReadings(Path root) {
        this.root = root;
    }

    public static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    /** A thread's own counts, read by the thread itself from {@code /proc/thread-self}. */
    public record ThreadCounters(Long voluntary, Long nonvoluntary, Long schedstatRunNanos,
                                 Long schedstatWaitNanos, Long schedstatTimeslices) {
        static final ThreadCounters NONE = new ThreadCounters(null, null, null, null, null);

        ThreadCounters minus(ThreadCounters before) {
            return new ThreadCounters(diff(voluntary, before.voluntary), diff(nonvoluntary, before.nonvoluntary),
                    diff(schedstatRunNanos, before.schedstatRunNanos), diff(schedstatWaitNanos, before.schedstatWaitNanos),
                    diff(schedstatTimeslices, before.schedstatTimeslices));
        }

        private static Long diff(Long a, Long b) {
            return a == null || b == null ? null : a - b;
        }
    }

    /** The calling thread's context switches ({@code status}) and schedstat, where readable. */
    public ThreadCounters threadCounters() {
        Path self = root.resolve("proc/thread-self");
        Long voluntary = null;
        Long nonvoluntary = null;
        try {
            for (String line : Files.readAllLines(self.resolve("status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("voluntary_ctxt_switches:")) {
                    voluntary = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                    nonvoluntary = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no /proc: left missing
        }
        Long run = null;
        Long wait = null;
        Long slices = null;
        try {
            String[] f = firstLine(self.resolve("schedstat")).split("\\s+");
            if (f.length >= 3) {
                run = Long.parseLong(f[0]);
                wait = Long.parseLong(f[1]);
                slices = Long.parseLong(f[2]);
            }
        } catch (IOException | RuntimeException e) {
            // schedstat needs CONFIG_SCHED_INFO: left missing
        }
        return new ThreadCounters(voluntary, nonvoluntary, run, wait, slices);
    }

    /** The kernel's time-slice settings that could be read, and a line for what could not. */
    public record Slices(List<KernelSetting> settings, List<String> missing) {
    }

    public Slices kernelSlices() {
        List<KernelSetting> found = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (String[] f : SLICE_FILES) {
            OptionalLong ns = readLong(f[1]);
            if (ns.isPresent()) {
                if (found.stream().noneMatch(s -> s.name().equals(f[0]))) {
                    found.add(new KernelSetting(f[0], f[1], ns.getAsLong() / 1e6));
                }
            } else {
                unreadable.add(f[1]);
            }
        }
        OptionalLong rr = readLong(RR_SLICE);
        List<String> missing = new ArrayList<>();
        if (found.isEmpty()) {
            missing.add("kernel time slice: " + (isLinuxRoot() ? "none of " + String.join(", ", unreadable)
                    + " could be read (an EEVDF kernel shows its base slice only in debugfs, which needs root and a mounted /sys/kernel/debug)"
                    : "not Linux (" + System.getProperty("os.name") + "), no kernel setting to read"));
        }
        rr.ifPresent(ms -> found.add(new KernelSetting("SCHED_RR time slice (real-time threads only)", RR_SLICE, (double) ms)));
        return new Slices(List.copyOf(found), List.copyOf(missing));
    }

    /** The process's resident memory ({@code VmRSS}), in bytes. */
    public OptionalLong residentBytes() {
        try {
            for (String line : Files.readAllLines(root.resolve("proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    String[] f = line.substring(6).strip().split("\\s+");
                    return OptionalLong.of(Long.parseLong(f[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // left missing
        }
        return OptionalLong.empty();
    }

    /** A whole number from a one-line file, e.g. a sysctl. */
    public OptionalLong readLong(String absolutePath) {
        try {
            return OptionalLong.of(Long.parseLong(firstLine(root.resolve(absolutePath.substring(1)))));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The first line of a {@code /proc} or {@code /sys} file. Read line by line on purpose:
     * {@code Files.readString} and {@code readAllBytes} of {@code /proc/sys/kernel/pid_max} gave
     * "3" instead of "32768" on Linux 6.18 with JDK 25 (files that report a size of 0), while a
     * buffered reader gets the whole line.
     */
    private static String firstLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(file + " is empty");
        }
        return lines.get(0).strip();
    }

    private boolean isLinuxRoot() {
        return isLinux() || !root.equals(Path.of("/"));
    }
}
