package org.racelab.harness.compare;

import org.racelab.harness.format.Format;
import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.bundle.Machine;
import org.racelab.harness.report.MachineFacts;
import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.report.ReportModel;
import org.racelab.harness.format.Texts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One machine's column: a short id (M1, M2, ...) and what tells the machines apart: host, CPU,
 * cores, OS/arch, JDK; {@code source} is the bundle it came from. {@code lookAlike} is empty, or
 * says which other machines' labels would look the same as this one's (a Cyrillic a, U+0430, in
 * laptop); such a column shows its fields with their code points.
 */
public record MachineColumn(String id, String host, String cpu, String cores, String os, String jdk, String source,
                            String startedAt, String racelab, String lookAlike) {

    static MachineColumn of(int index, ReadBundle read) {
        Bundle b = read.bundle();
        Machine m = b.machine();
        String id = "M" + (index + 1);
        if (m == null) {
            return new MachineColumn(id, "unknown", "-", "-", "-", "-", read.file().toString(),
                    Format.orDash(b.startedAt()), Format.orDash(b.racelabVersion()), "");
        }
        String arch = m.os() == null ? "-" : Format.orDash(m.os().arch());
        String os = m.os() == null ? "-" : Format.orDash(m.os().family()) + " " + Format.orDash(m.os().kernel())
                + " / " + arch;
        String jdk = m.jvm() == null ? "-" : Format.orDash(m.jvm().vendor()) + " " + Format.orDash(m.jvm().version());
        return new MachineColumn(id, Format.orDash(m.host()), MachineFacts.cpu(m), MachineFacts.cores(m), os, jdk,
                read.file().toString(), Format.orDash(b.startedAt()), Format.orDash(b.racelabVersion()), "");
    }

    /**
     * The columns with look-alike labels told apart: two labels that differ but have the same
     * confusable skeleton (Unicode's, through ICU's SpoofChecker, of the label as shown, its
     * invisible characters already escapes) are shown with their code points, each saying which
     * machines it looks like. Labels that are the same text are the same machine's name: left as they are.
     */
    static List<MachineColumn> toldApart(List<MachineColumn> columns) {
        Map<String, List<MachineColumn>> bySkeleton = new LinkedHashMap<>();
        columns.forEach(c -> bySkeleton.computeIfAbsent(Texts.skeleton(c.label()), k -> new ArrayList<>()).add(c));
        List<MachineColumn> out = new ArrayList<>();
        for (MachineColumn c : columns) {
            List<String> alike = bySkeleton.get(Texts.skeleton(c.label())).stream()
                    .filter(o -> !o.label().equals(c.label())).map(MachineColumn::id).toList();
            out.add(alike.isEmpty() ? c : new MachineColumn(c.id, Texts.codePoints(c.host), Texts.codePoints(c.cpu),
                    Texts.codePoints(c.cores), Texts.codePoints(c.os), Texts.codePoints(c.jdk), c.source, c.startedAt,
                    c.racelab, "looks like " + String.join(", ", alike) + ": shown with its code points"));
        }
        return out;
    }

    /** One line for a column header, and what it looks like, where it looks like another. */
    public String label() {
        return host + " | " + cpu + " | " + cores + " | " + os + " | JDK " + jdk
                + (lookAlike.isEmpty() ? "" : "  (" + lookAlike + ")");
    }
}
