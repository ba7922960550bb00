package org.racelab.harness.bench;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.util.ListStatistics;
import org.racelab.harness.bundle.BenchFork;
import org.racelab.harness.bundle.BenchScore;

import java.util.ArrayList;
import java.util.List;

/**
 * Each fork's share of a JMH result, and whether the forks agree.
 *
 * <p>JMH pools every measured iteration of every fork into one score and one error. That error
 * describes the iterations, not the forks: when each fork's JVM settles into a different mode
 * (one JIT decision or another, the started thread on the driver's carrier or on the other one),
 * every fork is steady in its own mode, the pooled error stays small, and a run with one fork
 * reports whichever mode it landed in with confidence. JMH's own sample on forking
 * (JMHSample_13_RunToRun) warns of exactly this.
 *
 * <p>So racelab keeps each fork's mean with the 99.9% interval from its own iterations (JMH's
 * statistics, {@link ListStatistics}), and calls the score bimodal when two forks' intervals do
 * not overlap: they disagree beyond their own errors, and the pooled figure is not one number.
 * The test is deliberately conservative: with few iterations per fork each interval is wide, so a
 * flag means the forks really measured different things.
 */
final class Forks {

    /** JMH's confidence level for errors. */
    static final double CONFIDENCE = 0.999;

    private Forks() {
    }

    /**
     * The aggregated result's iterations come fork after fork, each fork with the same number of
     * measured iterations ({@code params.getMeasurement().getCount()}); a result whose iterations
     * do not split evenly (a fork that failed halfway) keeps no forks.
     */
    static BenchScore primary(BenchmarkResult r, BenchScore pooled) {
        List<IterationResult> iterations = List.copyOf(r.getIterationResults());
        int perFork = r.getParams().getMeasurement().getCount();
        if (perFork < 1 || iterations.isEmpty() || iterations.size() % perFork != 0) {
            return pooled;
        }
        List<double[]> forks = new ArrayList<>();
        for (int from = 0; from < iterations.size(); from += perFork) {
            double[] scores = new double[perFork];
            for (int i = 0; i < perFork; i++) {
                scores[i] = iterations.get(from + i).getPrimaryResult().getScore();
            }
            forks.add(scores);
        }
        return of(pooled, forks);
    }

    /** {@code pooled} with each fork's mean and error, given each fork's iteration scores. */
    static BenchScore of(BenchScore pooled, List<double[]> forkIterations) {
        List<BenchFork> forks = new ArrayList<>();
        for (double[] scores : forkIterations) {
            ListStatistics s = new ListStatistics(scores);
            forks.add(BenchFork.of(s.getMean(), s.getMeanErrorAt(CONFIDENCE)));
        }
        return pooled.withForks(forks, disagree(forks));
    }

    /** Whether two forks' intervals do not overlap; forks without an error cannot disagree. */
    static boolean disagree(List<BenchFork> forks) {
        double highestLow = Double.NEGATIVE_INFINITY;
        double lowestHigh = Double.POSITIVE_INFINITY;
        int withError = 0;
        for (BenchFork f : forks) {
            if (f.error() == null || !Double.isFinite(f.score())) {
                continue;
            }
            withError++;
            highestLow = Math.max(highestLow, f.score() - f.error());
            lowestHigh = Math.min(lowestHigh, f.score() + f.error());
        }
        return withError > 1 && highestLow > lowestHigh;
    }
}
