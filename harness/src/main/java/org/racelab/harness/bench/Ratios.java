package org.racelab.harness.bench;

import org.racelab.harness.bundle.BenchRatio;
import org.racelab.harness.bundle.BenchResult;
import org.racelab.harness.bundle.BenchScore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns pairs of results into ratios with their uncertainty.
 *
 * <p>For r = a / b with independent errors, to first order the relative error of r is the
 * two relative errors added in quadrature: {@code dr/r = sqrt((da/a)^2 + (db/b)^2)}. JMH's
 * errors are 99.9% confidence half-widths, so the ratio's is one too, approximately.
 */
public final class Ratios {

    private Ratios() {
    }

    public static List<BenchRatio> of(List<RatioQuestion> comparisons, List<BenchResult> results) {
        List<BenchRatio> ratios = new ArrayList<>();
        for (RatioQuestion c : comparisons) {
            for (BenchResult subject : results) {
                if (!subject.benchmark().equals(c.subject())) {
                    continue;
                }
                results.stream()
                        .filter(b -> b.benchmark().equals(c.baseline()) && Objects.equals(b.params(), subject.params()))
                        .findFirst()
                        .flatMap(baseline -> ratio(c, subject, baseline))
                        .ifPresent(ratios::add);
            }
        }
        return ratios;
    }

    static Optional<BenchRatio> ratio(RatioQuestion c, BenchResult subject, BenchResult baseline) {
        BenchScore a = subject.primary();
        BenchScore b = baseline.primary();
        if (!a.unit().equals(b.unit()) || !subject.kind().equals(baseline.kind())
                || !(a.score() > 0) || !(b.score() > 0)) {
            return Optional.empty();
        }
        double ratio = a.score() / b.score();
        double relative = relativeError(a, b);
        boolean throughput = subject.kind().equals("throughput");
        double advantage = throughput ? ratio : 1 / ratio;
        Double low = null;
        Double high = null;
        if ((a.forksDisagree() || b.forksDisagree()) && a.lowestFork() > 0 && b.lowestFork() > 0) {
            low = a.lowestFork() / b.highestFork();
            high = a.highestFork() / b.lowestFork();
        }
        return Optional.of(new BenchRatio(c.question(), c.subject(), c.baseline(), subject.params(),
                subject.kind(), a.unit(), a, b, ratio, finite(ratio * relative), advantage,
                finite(advantage * relative), c.headlineAt(subject.params()), low, high));
    }

    /** The relative error of a / b (or of a * b): both relative errors added in quadrature. */
    public static double relativeError(BenchScore a, BenchScore b) {
        return Math.hypot(a.relativeError(), b.relativeError());
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
