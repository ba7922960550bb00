package org.racelab.harness.bench;

import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The benchmarks a regular expression selects from the benchmark list this JVM carries
 * ({@code META-INF/BenchmarkList}), every configuration (benchmark x parameter values) JMH will
 * run for them, and the JMH runs ("passes") that measure them.
 *
 * <p>A configuration behind a headline figure (a {@link RatioQuestion}'s subject or baseline at
 * its headline parameters) gets the headline budget, with several forks, because one fork can
 * land in one mode of a bimodal benchmark and report it with confidence. JMH's options (forks,
 * iterations) hold for a whole run, so each headline configuration is a pass of its own, with
 * its parameters fixed; the other configurations of the same benchmark are passes of their own
 * too; every remaining benchmark shares one pass.
 */
public record BenchPlan(List<String> benchmarks, List<Configuration> all, List<Pass> passes) {

    /** One benchmark at one set of parameter values. */
    public record Configuration(String fullName, String benchmark, Map<String, String> params, boolean headline) {
    }

    /**
     * One JMH run: the benchmarks {@code include} finds, less those {@code exclude} names, with
     * these parameter values (empty: the benchmarks' own, or the user's overrides).
     */
    public record Pass(String include, List<String> exclude, Map<String, List<String>> params, boolean headline,
                       int configurations) {
    }

    /**
     * @param params the user's parameter overrides (JMH's {@code -p}), applied to every pass
     * @throws PatternSyntaxException when {@code include} is not a regular expression
     */
    public static BenchPlan of(String include, Map<String, List<String>> params) {
        return of(include, params, RatioQuestions.SUITE);
    }

    static BenchPlan of(String include, Map<String, List<String>> params, List<RatioQuestion> questions) {
        Pattern.compile(include);
        OutputFormat quiet = OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()),
                VerboseMode.SILENT);
        List<BenchmarkListEntry> entries = List.copyOf(BenchmarkList.defaultList().find(quiet, List.of(include), List.of()));
        List<Configuration> all = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (BenchmarkListEntry e : entries) {
            if (!names.add(e.getUsername())) {
                continue; // one entry per benchmark method is enough: JMH runs each once
            }
            String shortName = BenchNames.shortName(e.getUsername());
            for (Map<String, String> p : combinations(e.getParams().orElse(Map.of()), params)) {
                all.add(new Configuration(e.getUsername(), shortName, p, headline(questions, shortName, p)));
            }
        }
        return new BenchPlan(List.copyOf(names), List.copyOf(all), passes(include, params, all));
    }

    /** How many configurations JMH will run. */
    public int configurations() {
        return all.size();
    }

    public boolean isEmpty() {
        return benchmarks.isEmpty();
    }

    public long headlineConfigurations() {
        return all.stream().filter(Configuration::headline).count();
    }

    private static boolean headline(List<RatioQuestion> questions, String benchmark, Map<String, String> params) {
        return questions.stream().anyMatch(q -> (q.subject().equals(benchmark) || q.baseline().equals(benchmark))
                && q.headlineAt(params));
    }

    private static List<Pass> passes(String include, Map<String, List<String>> userParams, List<Configuration> all) {
        Set<String> split = new LinkedHashSet<>();
        all.stream().filter(Configuration::headline).forEach(c -> split.add(c.fullName()));
        List<Pass> passes = new ArrayList<>();
        for (Configuration c : all) {
            if (split.contains(c.fullName())) {
                Map<String, List<String>> fixed = new LinkedHashMap<>();
                c.params().forEach((k, v) -> fixed.put(k, List.of(v)));
                passes.add(new Pass(exactly(c.fullName()), List.of(), fixed, c.headline(), 1));
            }
        }
        int rest = (int) all.stream().filter(c -> !split.contains(c.fullName())).count();
        if (rest > 0) {
            passes.add(new Pass(include, split.stream().map(BenchPlan::exactly).toList(), userParams, false, rest));
        }
        return List.copyOf(passes);
    }

    /** A JMH include or exclude pattern that finds this benchmark and no other. */
    static String exactly(String fullName) {
        return "^" + Pattern.quote(fullName) + "$";
    }

    /** Every combination of parameter values, the user's overrides replacing a benchmark's own. */
    private static List<Map<String, String>> combinations(Map<String, String[]> own, Map<String, List<String>> overrides) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, String[]> p : own.entrySet()) {
            List<String> values = overrides.containsKey(p.getKey()) ? overrides.get(p.getKey()) : List.of(p.getValue());
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : values) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(p.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out.stream().map(Collections::unmodifiableMap).toList();
    }
}
