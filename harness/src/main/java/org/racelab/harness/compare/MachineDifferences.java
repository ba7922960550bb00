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
        List<String> profiles = reads.stream().map(r -> Format.orDash(r.bundle().profile())).distinct().toList();
        if (profiles.size() > 1) {
            lines.add("profile: " + String.join(" vs ", profiles) + " (sample counts differ by design)");
        }
        return lines;
    }
}
