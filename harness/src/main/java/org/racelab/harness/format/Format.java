package org.racelab.harness.format;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How racelab writes a number or a name for people, the same on the terminal, in the pages and
 * in {@code compare}: counts with thousands separators, shares as percentages, sizes in KiB,
 * benchmark parameters, and a dash for what a bundle does not say.
 */
public final class Format {

    private Format() {
    }

    /** A value the bundle does not give, as a dash. */
    public static String orDash(String s) {
        return s == null ? "-" : s;
    }

    /** {@code 1234567} as {@code 1,234,567}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * A share given in percent: one decimal from 1% up, two significant digits below, so a rare
     * race reads {@code 0.017%}. A share that no count can give (over 100%, negative, not a
     * number) is shown as invalid rather than as a figure.
     */
    public static String percent(double p) {
        if (!(p >= 0 && p <= 100)) {
            return "invalid";
        }
        if (p == 0) {
            return "0%";
        }
        return String.format(Locale.ROOT, p >= 1 ? "%.1f%%" : "%.2g%%", p);
    }

    /** {@code part} of {@code whole} in percent, or a dash when there is no whole. */
    public static String share(long part, long whole) {
        return whole <= 0 ? "-" : percent(100.0 * part / whole);
    }

    /** A relative error (0.07 for 7%): whole percents from 10% up, one decimal below. */
    public static String relativeError(double share) {
        return String.format(Locale.ROOT, share >= 0.1 ? "%.0f%%" : "%.1f%%", share * 100);
    }

    /** A measured figure: whole from 100 up (or when whole), else one or two decimals; NaN as a dash. */
    public static String figure(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
    }

    /** Bytes in KiB with one decimal. */
    public static String kib(double bytes) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024);
    }

    /** Benchmark parameters as {@code key=value} pairs joined by {@code separator}; empty when none. */
    public static String params(Map<String, String> params, String separator) {
        if (params == null || params.isEmpty()) {
            return "";
        }
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(separator));
    }

    /** {@code org.racelab.bench.start.ThreadStartJoin.virtualFromVirtual} as {@code virtualFromVirtual}. */
    public static Optional<String> method(String benchmark) {
        if (benchmark == null) {
            return Optional.empty();
        }
        int dot = benchmark.lastIndexOf('.');
        return Optional.of(dot < 0 ? benchmark : benchmark.substring(dot + 1));
    }

    /** A ratio's label: {@code virtualFromVirtual vs platformFromPlatform, tasks=1000}. */
    public static String ratioLabel(String subject, String baseline, Map<String, String> params) {
        String p = params(params, ", ");
        return method(subject).orElse("?") + " vs " + method(baseline).orElse("?") + (p.isEmpty() ? "" : ", " + p);
    }
}
