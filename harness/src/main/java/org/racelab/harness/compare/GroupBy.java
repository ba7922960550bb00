package org.racelab.harness.compare;

import org.racelab.harness.bundle.Machine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a fleet's machines are grouped by ({@code compare --by}): the fact of each machine that
 * decides its group. The facts come from other machines' bundles, so each is made one spelling
 * ({@code amd64} and {@code x86_64} are one architecture, as Java on Linux and on macOS name it;
 * every Linux distribution is Linux), and a machine without it is in group "unknown".
 */
public enum GroupBy {
    ARCH("architecture") {
        @Override
        String of(Machine m) {
            return m.os() == null ? null : arch(m.os().arch());
        }
    },
    CPU("CPU model") {
        @Override
        String of(Machine m) {
            return m.cpu() == null ? null : m.cpu().model();
        }
    },
    CORES("CPUs available to the JVM") {
        @Override
        String of(Machine m) {
            // "8-CPU", so that a row reads "Sometimes on 37 of 40 8-CPU machines"
            return m.availableProcessors() <= 0 ? null : m.availableProcessors() + "-CPU";
        }
    },
    OS("operating system") {
        @Override
        String of(Machine m) {
            return m.os() == null ? null : os(m.os().family());
        }
    },
    JDK("JDK feature release") {
        @Override
        String of(Machine m) {
            if (m.jvm() == null || m.jvm().version() == null) {
                return null;
            }
            String v = m.jvm().version().strip();
            int end = 0;
            while (end < v.length() && end < 4 && Character.isDigit(v.charAt(end))) {
                end++;
            }
            return end == 0 ? v : "JDK " + v.substring(0, end);
        }
    };

    public static final String UNKNOWN = "unknown";

    private final String what;

    GroupBy(String what) {
        this.what = what;
    }

    /** What it groups by, in words ("architecture"). */
    public String what() {
        return what;
    }

    /** The word on the command line ({@code arch}). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The choices, as the command line's help shows them: {@code arch|cpu|cores|os|jdk}. */
    public static String choices() {
        return Arrays.stream(values()).map(GroupBy::word).collect(Collectors.joining("|"));
    }

    public static Optional<GroupBy> parse(String s) {
        return Arrays.stream(values()).filter(b -> b.word().equals(s.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The group of a machine; {@value #UNKNOWN} where its bundle does not say. */
    public String group(Machine m) {
        String g = m == null ? null : of(m);
        return g == null || g.isBlank() ? UNKNOWN : g.strip();
    }

    abstract String of(Machine m);

    static String arch(String a) {
        if (a == null) {
            return null;
        }
        return switch (a.strip().toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i486", "i586", "i686" -> "x86";
            default -> a.strip();
        };
    }

    static String os(String family) {
        if (family == null) {
            return null;
        }
        String f = family.toLowerCase(Locale.ROOT);
        if (f.contains("windows")) {
            return "Windows";
        }
        if (f.contains("mac") || f.contains("darwin")) {
            return "macOS";
        }
        if (f.contains("linux") || f.contains("ubuntu") || f.contains("debian") || f.contains("fedora")
                || f.contains("red hat") || f.contains("centos") || f.contains("suse") || f.contains("arch")
                || f.contains("alpine") || f.contains("rocky") || f.contains("alma") || f.contains("mint")) {
            return "Linux";
        }
        return family.strip();
    }
}
