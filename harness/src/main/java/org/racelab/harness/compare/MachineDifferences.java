package org.racelab.harness.compare;

import org.racelab.harness.format.Format;
import org.racelab.harness.bundle.Machine;
import org.racelab.harness.bundle.ReadBundle;
import org.racelab.harness.report.ReportModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What differs between the machines themselves, the first place to look for why a race shows on
 * one and not on another: CPUs given to the JVM, the CPUs allowed (taskset), architecture, JDK.
 */
final class MachineDifferences {

    private static final Map<String, Function<Machine, Object>> FACTS = new LinkedHashMap<>();

    static {
        FACTS.put("CPUs available to the JVM", Machine::availableProcessors);
        FACTS.put("CPUs allowed (taskset)", Machine::cpusAllowed);
        FACTS.put("hardware threads", m -> m.cpu() == null ? null : m.cpu().logicalProcessors());
        FACTS.put("CPU", m -> m.cpu() == null ? null : m.cpu().model());
        FACTS.put("architecture", m -> m.os() == null ? null : m.os().arch());
        FACTS.put("kernel", m -> m.os() == null ? null : m.os().kernel());
        FACTS.put("JDK", m -> m.jvm() == null ? null : m.jvm().version());
        FACTS.put("JVM options", m -> m.jvm() == null ? null : String.join(" ", (m.jvm().inputArguments())));
    }

    private MachineDifferences() {
    }

    static List<String> of(List<ReadBundle> reads) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Function<Machine, Object>> f : FACTS.entrySet()) {
            List<String> values = new ArrayList<>();
            for (ReadBundle r : reads) {
                Machine m = r.bundle().machine();
                Object v = m == null ? null : f.getValue().apply(m);
                values.add(v == null ? "?" : v.toString());
            }
            if (values.stream().distinct().count() > 1) {
                StringBuilder sb = new StringBuilder(f.getKey()).append(":");
                for (int i = 0; i < values.size(); i++) {
                    sb.append(i == 0 ? " " : ", ").append("M").append(i + 1).append(" ").append(values.get(i));
                }
                lines.add(sb.toString());
            }
        }
        profiles(reads, lines);
        return lines;
    }

    /**
     * For many machines: each fact that differs, as its values with how many machines have each,
     * the commonest first, at most {@value #VALUES} of them ("CPUs available to the JVM: 2 on 340
     * machines, 4 on 120, 8 on 40").
     */
    static List<String> counted(List<ReadBundle> reads) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Function<Machine, Object>> f : FACTS.entrySet()) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (ReadBundle r : reads) {
                Machine m = r.bundle().machine();
                Object v = m == null ? null : f.getValue().apply(m);
                counts.merge(v == null ? "?" : v.toString(), 1, Integer::sum);
            }
            if (counts.size() > 1) {
                List<Map.Entry<String, Integer>> byCount = new ArrayList<>(counts.entrySet());
                byCount.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
                StringBuilder sb = new StringBuilder(f.getKey()).append(":");
                for (int i = 0; i < Math.min(VALUES, byCount.size()); i++) {
                    Map.Entry<String, Integer> e = byCount.get(i);
                    sb.append(i == 0 ? " " : ", ").append(e.getKey()).append(" on ").append(e.getValue())
                            .append(i == 0 ? (e.getValue() == 1 ? " machine" : " machines") : "");
                }
                if (byCount.size() > VALUES) {
                    sb.append(", and ").append(byCount.size() - VALUES).append(" more values");
                }
                lines.add(sb.toString());
            }
        }
        profiles(reads, lines);
        return lines;
    }

    private static final int VALUES = 10;

    private static void profiles(List<ReadBundle> reads, List<String> lines) {
        List<String> profiles = reads.stream().map(r -> Format.orDash(r.bundle().profile())).distinct().toList();
        if (profiles.size() > 1) {
            lines.add("profile: " + String.join(" vs ", profiles.subList(0, Math.min(VALUES, profiles.size())))
                    + (profiles.size() > VALUES ? " and " + (profiles.size() - VALUES) + " more" : "")
                    + " (sample counts differ by design)");
        }
    }
}
