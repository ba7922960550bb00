package org.racelab.harness.vrace;

import org.racelab.harness.catalog.StressTest;
import org.racelab.harness.catalog.TestCatalog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One run of the virtual-thread runner.
 *
 * @param virtual  run the actors on virtual threads, once per carrier count
 * @param platform run them on platform threads too (the control)
 * @param carriers carrier counts for the virtual threads, each above 0
 * @param budget   how long each test samples in each configuration
 * @param stride   state objects per stride (one checkpoint per stride, {@code SampleLoop.STRIDES} strides a round)
 */
public record VraceRequest(TestCatalog catalog, List<StressTest> tests, boolean virtual, boolean platform,
                           List<Integer> carriers, Duration budget, int stride, Path rawDir, Duration timeout) {

    public VraceRequest {
        tests = List.copyOf(tests);
        carriers = List.copyOf(carriers);
        if (carriers.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("carrier counts start at 1");
        }
    }

    /** The configurations, in the order they run: the control first, then fewest carriers first. */
    List<Config> configs() {
        List<Config> configs = new java.util.ArrayList<>();
        if (platform) {
            configs.add(new Config("platform", null));
        }
        if (virtual) {
            carriers.stream().sorted().distinct().forEach(c -> configs.add(new Config("virtual", c)));
        }
        return configs;
    }

    /** Thread kind and, for virtual threads, the number of carriers. */
    record Config(String threads, Integer carriers) {
        String fileName() {
            return "vrace-" + threads + (carriers == null ? "" : "-" + carriers) + ".jsonl";
        }
    }

    /**
     * The per-test watchdog's grace: a round still running at budget plus this has an actor that
     * makes no progress (a termination test: a sample still running after this).
     */
    public Duration grace() {
        return budget.compareTo(Duration.ofSeconds(1)) > 0 ? budget : Duration.ofSeconds(1);
    }

    /** A watchdog generous enough that only a hung actor trips it. */
    public static Duration defaultTimeout(Duration budget, int tests) {
        return Duration.ofSeconds(60).plus(budget.multipliedBy(3L * tests));
    }
}
