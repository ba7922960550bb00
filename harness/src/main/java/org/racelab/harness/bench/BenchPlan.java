package org.racelab.harness.bench;

import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The benchmarks a regular expression selects from the benchmark list this JVM carries
 * ({@code META-INF/BenchmarkList}), and how many configurations (benchmark x parameter values)
 * JMH will run for them: that count sizes the progress bar and the time estimate.
 */
public record BenchPlan(List<String> benchmarks, int configurations) {

    /**
     * @throws PatternSyntaxException when {@code include} is not a regular expression
     */
    public static BenchPlan of(String include, Map<String, List<String>> params) {
        Pattern.compile(include);
        OutputFormat quiet = OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()),
                VerboseMode.SILENT);
        List<BenchmarkListEntry> entries = List.copyOf(BenchmarkList.defaultList().find(quiet, List.of(include), List.of()));
        int configurations = 0;
        for (BenchmarkListEntry e : entries) {
            int n = 1;
            for (Map.Entry<String, String[]> p : e.getParams().orElse(Map.of()).entrySet()) {
                List<String> override = params.get(p.getKey());
                n *= override != null ? override.size() : p.getValue().length;
            }
            configurations += n;
        }
        return new BenchPlan(entries.stream().map(BenchmarkListEntry::getUsername).toList(), configurations);
    }

    public boolean isEmpty() {
        return benchmarks.isEmpty();
    }
}
