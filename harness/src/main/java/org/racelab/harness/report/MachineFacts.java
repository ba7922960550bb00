package org.racelab.harness.report;

import org.racelab.harness.format.Format;
import org.racelab.harness.bundle.Machine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A machine's fingerprint as labelled lines, and as the one-line label of a compare column. */
public final class MachineFacts {

    private MachineFacts() {
    }

    public static List<ReportModel.Fact> of(Machine m) {
        List<ReportModel.Fact> f = new ArrayList<>();
        if (m == null) {
            f.add(new ReportModel.Fact("machine", "not in the bundle"));
            return f;
        }
        f.add(new ReportModel.Fact("host", Format.orDash(m.host())));
        f.add(new ReportModel.Fact("CPU", cpu(m)));
        f.add(new ReportModel.Fact("cores", cores(m)));
        if (m.cpu() != null && m.cpu().caches() != null) {
            f.add(new ReportModel.Fact("caches", (m.cpu().caches()).stream()
                    .map(c -> "L" + c.level() + " " + c.type() + " " + size(c.sizeBytes()))
                    .collect(Collectors.joining(", "))));
        }
        f.add(new ReportModel.Fact("memory", m.memoryBytes() == null ? "-" : size(m.memoryBytes())
                + " (JVM max heap " + size(m.maxHeapBytes()) + ")"));
        f.add(new ReportModel.Fact("OS", os(m)));
        f.add(new ReportModel.Fact("JVM", jvm(m)));
        if (m.jvm() != null && !(m.jvm().inputArguments()).isEmpty()) {
            f.add(new ReportModel.Fact("JVM options", String.join(" ", (m.jvm().inputArguments()))));
        }
        if (!(m.missing()).isEmpty()) {
            f.add(new ReportModel.Fact("not readable", String.join("; ", (m.missing()))));
        }
        return f;
    }

    public static String cpu(Machine m) {
        Machine.Cpu c = m.cpu();
        if (c == null) {
            return "-";
        }
        return Format.orDash(c.model()) + (c.maxFrequencyHz() == null ? ""
                : String.format(Locale.ROOT, ", %.2f GHz", c.maxFrequencyHz() / 1e9));
    }

    public static String cores(Machine m) {
        Machine.Cpu c = m.cpu();
        String hw = c == null ? "" : num(c.sockets()) + " socket(s), " + num(c.physicalCores()) + " cores, "
                + num(c.logicalProcessors()) + " hardware threads; ";
        return hw + m.availableProcessors() + " available to the JVM"
                + (m.cpusAllowed() == null ? "" : " (CPUs allowed: " + m.cpusAllowed() + ")");
    }

    public static String os(Machine m) {
        Machine.Os o = m.os();
        return o == null ? "-" : Format.orDash(o.family()) + ", kernel " + Format.orDash(o.kernel()) + ", "
                + Format.orDash(o.arch());
    }

    public static String jvm(Machine m) {
        Machine.Jvm j = m.jvm();
        return j == null ? "-" : Format.orDash(j.vendor()) + " " + Format.orDash(j.version()) + " ("
                + Format.orDash(j.vmName()) + " " + Format.orDash(j.vmVersion()) + ")";
    }

    private static String num(Integer i) {
        return i == null ? "?" : i.toString();
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
    }
}
