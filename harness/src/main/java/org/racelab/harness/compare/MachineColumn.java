package org.racelab.harness.compare;

import org.racelab.harness.format.Format;
import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.bundle.Machine;
import org.racelab.harness.report.MachineFacts;
import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.report.ReportModel;

/**
 * One machine's column: a short id (M1, M2, ...) and what tells the machines apart: host, CPU,
 * cores, OS/arch, JDK; {@code source} is the bundle it came from.
 */
public record MachineColumn(String id, String host, String cpu, String cores, String os, String jdk, String source,
                            String startedAt, String racelab) {

    static MachineColumn of(int index, ReadBundle read) {
        Bundle b = read.bundle();
        Machine m = b.machine();
        String id = "M" + (index + 1);
        if (m == null) {
            return new MachineColumn(id, "unknown", "-", "-", "-", "-", read.file().toString(),
                    Format.orDash(b.startedAt()), Format.orDash(b.racelabVersion()));
        }
        String arch = m.os() == null ? "-" : Format.orDash(m.os().arch());
        String os = m.os() == null ? "-" : Format.orDash(m.os().family()) + " " + Format.orDash(m.os().kernel())
                + " / " + arch;
        String jdk = m.jvm() == null ? "-" : Format.orDash(m.jvm().vendor()) + " " + Format.orDash(m.jvm().version());
        return new MachineColumn(id, Format.orDash(m.host()), MachineFacts.cpu(m), MachineFacts.cores(m), os, jdk,
                read.file().toString(), Format.orDash(b.startedAt()), Format.orDash(b.racelabVersion()));
    }

    /** One line for a column header. */
    public String label() {
        return host + " | " + cpu + " | " + cores + " | " + os + " | JDK " + jdk;
    }
}
