package org.racelab.harness.compare;

import org.junit.jupiter.api.Test;
import org.racelab.harness.bundle.Bundle;
import org.racelab.harness.bundle.Fixtures;
import org.racelab.harness.bundle.Machine;
import org.racelab.harness.bundle.ReadBundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facts machines are grouped by, one spelling each; a group's cell; at most twelve group columns. */
class GroupingTest {

    @Test
    void oneSpellingPerFact() {
        assertEquals("x86_64", GroupBy.arch("amd64"));
        assertEquals("x86_64", GroupBy.arch("X86_64"));
        assertEquals("aarch64", GroupBy.arch("arm64"));
        assertEquals("riscv64", GroupBy.arch("riscv64"));
        assertEquals("macOS", GroupBy.os("Mac OS X"));
        assertEquals("macOS", GroupBy.os("macOS"));
        assertEquals("Windows", GroupBy.os("Windows 11"));
        assertEquals("Linux", GroupBy.os("Debian GNU/Linux"));
        assertEquals("Linux", GroupBy.os("Ubuntu"));
        Machine m = machine("x86_64", "Apple M2", 10, "21.0.5");
        assertEquals("JDK 21", GroupBy.JDK.group(m));
        assertEquals("10-CPU", GroupBy.CORES.group(m));
        assertEquals("Apple M2", GroupBy.CPU.group(m));
        assertEquals(GroupBy.UNKNOWN, GroupBy.ARCH.group(null));
        assertEquals("unknown", GroupBy.JDK.group(machine("x86_64", "c", 1, null)));
        assertEquals(GroupBy.CORES, GroupBy.parse(" Cores ").orElseThrow());
        assertTrue(GroupBy.parse("colour").isEmpty());
    }

    @Test
    void aGroupCellPoolsItsMachines() {
        GroupCell c = GroupCell.of("aarch64", List.of(
                new RaceCell(RaceCell.RAN, 5, 100, true, null),
                new RaceCell(RaceCell.RAN, 0, 300, true, null),
                new RaceCell("SKIPPED", 0, 0, true, "needs 4 CPUs"),
                new RaceCell(RaceCell.ABSENT, 0, 0, false, null)));
        assertEquals("Sometimes", c.word());
        assertEquals(1, c.seenOn());
        assertEquals(2, c.ranOn());
        assertEquals(Map.of("SKIPPED", 1, "absent", 1), c.notRun());
        assertEquals("Sometimes on 1 of 2: 5/400; did not run on 2 (SKIPPED 1, absent 1)", c.text());
        assertEquals("Sometimes on 1 of 2 aarch64 machines", c.sentence());
        GroupCell none = GroupCell.of("x86_64", List.of(new RaceCell("SKIPPED", 0, 0, true, "needs 4 CPUs")));
        assertEquals("did not run on 1 (SKIPPED 1)", none.text());
        assertEquals("SKIPPED", none.pooled().state(), "a group where it never ran is never Never");
        // counts that would pass 2^63 between them stop there rather than wrap round to a small rate
        GroupCell huge = GroupCell.of("g", List.of(new RaceCell(RaceCell.RAN, Long.MAX_VALUE - 1, Long.MAX_VALUE, true,
                null), new RaceCell(RaceCell.RAN, 10, 10, true, null)));
        assertEquals(Long.MAX_VALUE, huge.pooled().total());
        assertTrue(huge.pooled().observed() > 0);
    }

    @Test
    void pastTwelveGroupsTheSmallestArePooledIntoOther() {
        ReadBundle base = Fixtures.read("bundle-2cpu.json");
        List<ReadBundle> reads = new ArrayList<>();
        // 15 CPU models: model k on k+1 machines
        for (int k = 0; k < 15; k++) {
            for (int j = 0; j <= k; j++) {
                reads.add(withCpu(base, "CPU " + (char) ('A' + k)));
            }
        }
        List<Fleet.Group> groups = Fleet.groups(reads, GroupBy.CPU);
        assertEquals(12, groups.size());
        assertEquals("CPU O", groups.get(0).label());
        assertEquals(15, groups.get(0).machines());
        assertEquals("other (4 smaller groups)", groups.get(11).label());
        assertEquals(1 + 2 + 3 + 4, groups.get(11).machines());
        assertEquals(reads.size(), groups.stream().mapToInt(Fleet.Group::machines).sum(), "every machine in a group");
    }

    @Test
    void lookAlikeGroupLabelsAreShownWithTheirCodePoints() {
        ReadBundle base = Fixtures.read("bundle-2cpu.json");
        List<Fleet.Group> groups = Fleet.groups(List.of(withCpu(base, "Apple M2"), withCpu(base, "Apple M2"),
                withCpu(base, "Appl\u0435 M2")), GroupBy.CPU);
        assertEquals("Apple M2 (looks like another group)", groups.get(0).label());
        assertEquals("Appl\\u0435 M2 (looks like another group)", groups.get(1).label());
    }

    private static Machine machine(String arch, String cpu, int cpus, String jdk) {
        return new Machine("h", new Machine.Cpu(cpu, null, null, null, null, null, null, null, null), null,
                new Machine.Os("Linux", null, null, arch, null),
                new Machine.Jvm(null, jdk, null, null, null, null), cpus, null, 0, null);
    }

    private static ReadBundle withCpu(ReadBundle r, String model) {
        Bundle b = r.bundle();
        Machine m = b.machine();
        Machine.Cpu c = m.cpu();
        Machine changed = new Machine(m.host(), new Machine.Cpu(model, c.vendor(), c.microarchitecture(), c.identifier(),
                c.sockets(), c.physicalCores(), c.logicalProcessors(), c.maxFrequencyHz(), c.caches()),
                m.memoryBytes(), m.os(), m.jvm(), m.availableProcessors(), m.cpusAllowed(), m.maxHeapBytes(),
                m.missing());
        return new ReadBundle(new Bundle(b.schema(), b.racelabVersion(), b.command(), b.profile(), b.options(),
                b.startedAt(), b.finishedAt(), b.complete(), b.incomplete(), changed, b.stress(), b.vrace(),
                b.bench(), b.sched(), b.model(), b.lab()), r.file(), r.cleaned());
    }
}
