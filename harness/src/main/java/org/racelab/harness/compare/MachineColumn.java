package org.racelab.harness.compare;

import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.machine.Machine;
import org.racelab.harness.report.MachineFacts;
import org.racelab.harness.report.ReadBundle;
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
                    ReportModel.nz(b.startedAt()), ReportModel.nz(b.racelabVersion()));
        }
        String arch = m.os() == null ? "-" : ReportModel.nz(m.os().arch());
        String os = m.os() == null ? "-" : ReportModel.nz(m.os().family()) + " " + ReportModel.nz(m.os().kernel())
                + " / " + arch;
        String jdk = m.jvm() == null ? "-" : ReportModel.nz(m.jvm().vendor()) + " " + ReportModel.nz(m.jvm().version());
        return new MachineColumn(id, ReportModel.nz(m.host()), MachineFacts.cpu(m), MachineFacts.cores(m), os, jdk,
                read.file().toString(), ReportModel.nz(b.startedAt()), ReportModel.nz(b.racelabVersion()));
    }

    /** One line for a column header. */
    public String label() {
        return host + " | " + cpu + " | " + cores + " | " + os + " | JDK " + jdk;
    }
}
