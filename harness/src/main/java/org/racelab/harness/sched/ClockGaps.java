package org.racelab.harness.sched;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one busy thread saw of its own clock: when it started and stopped reading, and each gap
 * between two consecutive readings longer than the threshold (a time it did not run). All in
 * {@link System#nanoTime()} nanoseconds.
 *
 * <p>The time between the end of one gap and the start of the next is one uninterrupted run.
 * The first run (from the start to the first gap) and the last (from the last gap to the end) are
 * cut by the measurement, not by the scheduler, so they are not run lengths and are left out.
 */
public record ClockGaps(int thread, long startNanos, long endNanos, long[] gapStarts, long[] gapEnds) {

    public ClockGaps {
        if (gapStarts.length != gapEnds.length) {
            throw new IllegalArgumentException("a gap has a start and an end");
        }
    }

    public int gaps() {
        return gapStarts.length;
    }

    /** The total time of all gaps: how long the thread was kept off the CPU. */
    public long gapNanos() {
        long sum = 0;
        for (int i = 0; i < gapStarts.length; i++) {
            sum += gapEnds[i] - gapStarts[i];
        }
        return sum;
    }

    /** The lengths of the uninterrupted runs between two gaps, in nanoseconds. */
    public long[] runLengths() {
        if (gapStarts.length < 2) {
            return new long[0];
        }
        long[] runs = new long[gapStarts.length - 1];
        for (int i = 1; i < gapStarts.length; i++) {
            runs[i - 1] = gapStarts[i] - gapEnds[i - 1];
        }
        return runs;
    }

    /** Writes the gaps as text ({@code raw/sched/timeslice-gaps.txt}), the form {@link #parse} reads. */
    public static String format(List<ClockGaps> threads) {
        StringBuilder b = new StringBuilder("# racelab timeslice: per thread, its clock gaps (System.nanoTime, ns)\n");
        for (ClockGaps t : threads) {
            b.append(String.format(Locale.ROOT, "thread %d start %d end %d gaps %d%n", t.thread, t.startNanos,
                    t.endNanos, t.gaps()));
            for (int i = 0; i < t.gaps(); i++) {
                b.append(t.gapStarts[i]).append(' ').append(t.gapEnds[i]).append('\n');
            }
        }
        return b.toString();
    }

    /** Reads what {@link #format} wrote. */
    public static List<ClockGaps> parse(String text) {
        List<ClockGaps> threads = new ArrayList<>();
        String[] lines = text.split("\n");
        int i = 0;
        while (i < lines.length) {
            String line = lines[i++].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 8 || !f[0].equals("thread") || !f[2].equals("start") || !f[4].equals("end")
                    || !f[6].equals("gaps")) {
                throw new IllegalArgumentException("line " + i + ": expected 'thread N start T end T gaps N': " + line);
            }
            int n = Integer.parseInt(f[7]);
            long[] starts = new long[n];
            long[] ends = new long[n];
            for (int g = 0; g < n; g++) {
                if (i >= lines.length) {
                    throw new IllegalArgumentException("thread " + f[1] + ": " + n + " gaps announced, " + g + " found");
                }
                String[] pair = lines[i++].strip().split("\\s+");
                starts[g] = Long.parseLong(pair[0]);
                ends[g] = Long.parseLong(pair[1]);
            }
            threads.add(new ClockGaps(Integer.parseInt(f[1]), Long.parseLong(f[3]), Long.parseLong(f[5]), starts, ends));
        }
        return threads;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClockGaps g && g.thread == thread && g.startNanos == startNanos && g.endNanos == endNanos
                && Arrays.equals(g.gapStarts, gapStarts) && Arrays.equals(g.gapEnds, gapEnds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(gapStarts) * 31 + thread;
    }

    @Override
    public String toString() {
        return "ClockGaps[thread " + thread + ", " + gaps() + " gaps]";
    }
}
