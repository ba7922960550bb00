package org.racelab.harness.profile;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How hard a run looks, in one place: every runner asks its profile for its budgets.
 *
 * <p>JCStress: the preset mode ({@code -m}), whether each actor is compiled on its own
 * ({@code -sc}, split compilation), and for {@code smoke} a single JVM configuration. On this
 * project's 2-vCPU machine (JDK 25) a {@code -m quick} run of one 2-actor test took about 5.5 s
 * without split compilation and about 25 s with it, so {@code quick} leaves split compilation
 * off to fit the catalog in a few minutes; {@code full} and {@code tough} turn it on.
 */
public enum Profile {
    /** Proves that everything runs: one JVM configuration, one short iteration per test. */
    SMOKE("proves everything runs (CI): one JVM configuration, one short iteration",
            List.of("-m", "quick", "-sc", "false", "-iters", "1", "-time", "100",
                    "-jvmArgs", "-XX:-TieredCompilation"),
            Duration.ofMillis(600)),
    /** The default: every race this hardware can show, in a few minutes on 2 cores. */
    QUICK("the default: catches every race this hardware shows, a few minutes on 2 cores",
            List.of("-m", "quick", "-sc", "false"),
            Duration.ofSeconds(7)),
    /** JCStress's default mode with split compilation: more configurations, more samples. */
    FULL("JCStress's default mode with split (per-actor) compilation",
            List.of("-m", "default", "-sc", "true"),
            Duration.ofSeconds(90)),
    /** JCStress's tough mode: ten forks per configuration. */
    TOUGH("JCStress's tough mode: 10 forks of 10 iterations per configuration",
            List.of("-m", "tough", "-sc", "true"),
            Duration.ofSeconds(600));

    private final String summary;
    private final List<String> jcstressArgs;
    private final Duration expectedPerTest;

    Profile(String summary, List<String> jcstressArgs, Duration expectedPerTest) {
        this.summary = summary;
        this.jcstressArgs = jcstressArgs;
        this.expectedPerTest = expectedPerTest;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String summary() {
        return summary;
    }

    /** JCStress's own options for this profile. */
    public List<String> jcstressArgs() {
        return jcstressArgs;
    }

    /**
     * What one 2-actor test takes on 2 CPUs, its JVM configurations one after another: sizes the
     * time estimate ({@link StressEstimate}) and the hang watchdog. Measured on this project's
     * machine type (2 vCPUs, JDK 25, quiet): {@code smoke} from a third-party suite of 838 JCStress
     * tests, 827 run in 8 min (0.58 s a test); {@code quick} from the catalog, 27 tests in 203 s
     * (7 s a test after JCStress's start).
     */
    public Duration expectedPerTest() {
        return expectedPerTest;
    }

    /**
     * What JCStress spends before its first test: it probes the JVM (some twenty short JVMs),
     * then each JVM configuration it may use. Not measured on a quiet machine: on this project's
     * 2-vCPU machine under a load average of 16 to 18 the first result came 2 min 1 s after the
     * start (twice), which scales a JVM start of a few tenths of a second by the load; 15 s keeps
     * the 838-test smoke suite and the catalog's quick run within a few percent of their measured
     * times (StressEstimateTest).
     */
    public Duration stressStart() {
        return Duration.ofSeconds(15);
    }

    /** How long the virtual-thread runner samples each test in each configuration. */
    public Duration vraceBudget() {
        return switch (this) {
            case SMOKE -> Duration.ofMillis(150);
            case QUICK -> Duration.ofMillis(1000);
            case FULL -> Duration.ofSeconds(5);
            case TOUGH -> Duration.ofSeconds(20);
        };
    }

    /**
     * The sizes of the scheduling experiments. {@code quick} runs all four in well under two
     * minutes on 2 CPUs; the timeslice runs are long enough for a few thousand switches.
     */
    public SchedSizes sched() {
        return switch (this) {
            case SMOKE -> new SchedSizes(0.5, 2, 4, 3, 2, 2, 60, 500);
            case QUICK -> new SchedSizes(4, 2, 6, 4, 4, 3, 300, 5_000);
            case FULL -> new SchedSizes(15, 2, 8, 6, 4, 3, 1_000, 20_000);
            case TOUGH -> new SchedSizes(60, 3, 12, 8, 4, 3, 3_000, 100_000);
        };
    }

    /**
     * JMH's budget for this profile, for every benchmark configuration not behind a headline
     * figure. {@code quick} runs the whole suite in a few minutes on 2 cores: one fork, 4 warm-up
     * and 10 measured iterations of 200 ms.
     */
    public JmhBudget jmh() {
        return switch (this) {
            case SMOKE -> new JmhBudget(1, 1, 100, 1, 100);
            case QUICK -> new JmhBudget(1, 4, 200, 10, 200);
            case FULL -> new JmhBudget(2, 5, 1000, 10, 1000);
            case TOUGH -> new JmhBudget(5, 5, 1000, 10, 1000);
        };
    }

    /**
     * JMH's budget for a configuration behind a headline figure: several forks even in
     * {@code quick}, each shorter, because the forks of a thread benchmark can land in different
     * modes and one fork reports whichever it got with confidence. Three forks of 3 + 6
     * iterations of 200 ms cost about as much as the one fork of 5 + 15 that {@code quick} gave
     * every benchmark before; the other configurations pay with their shorter measurement.
     */
    public JmhBudget jmhHeadline() {
        return switch (this) {
            case SMOKE -> new JmhBudget(2, 1, 100, 1, 100);
            case QUICK -> new JmhBudget(3, 3, 200, 6, 200);
            case FULL -> new JmhBudget(4, 5, 1000, 8, 1000);
            case TOUGH -> new JmhBudget(5, 5, 1000, 10, 1000);
        };
    }

    public static Optional<Profile> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", "));
    }
}
