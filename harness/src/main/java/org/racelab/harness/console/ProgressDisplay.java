package org.racelab.harness.console;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.racelab.harness.format.Texts;
import org.racelab.harness.progress.ProgressListener;

import java.io.PrintStream;

/**
 * Shows a runner's progress with an ETA: a redrawn bar on a terminal; on a log (CI), a plain
 * line at most every 15 seconds, so a log does not fill with carriage returns.
 */
public final class ProgressDisplay implements ProgressListener {

    private static final int LOG_INTERVAL_MS = 15_000;

    private final PrintStream err;
    private final boolean interactive;
    private ProgressBar bar;

    public ProgressDisplay(PrintStream err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public synchronized void started(String what, long total, long estimateSeconds) {
        String unit = switch (what) {
            case "stress", "vrace" -> " tests";
            case "bench" -> " benchmarks";
            default -> " steps";
        };
        err.println(what + ": " + total + unit + ", about " + minutes(estimateSeconds)
                + (what.equals("stress") ? " (JCStress first probes the JVM configurations)" : ""));
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(what).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setMaxRenderedLength(100);
        if (interactive) {
            b.setConsumer(new ConsoleProgressBarConsumer(err));
        } else {
            b.setConsumer(new DelegatingProgressBarConsumer(err::println)).setUpdateIntervalMillis(LOG_INTERVAL_MS);
        }
        bar = b.build();
    }

    @Override
    public synchronized void progressed(long done, long total, String note) {
        if (bar == null) {
            return;
        }
        if (bar.getMax() != total) {
            bar.maxHint(total);
        }
        bar.stepTo(done);
        bar.setExtraMessage(note.isEmpty() ? "" : " " + Texts.terminal(Texts.shortened(note, 60)));
    }

    @Override
    public synchronized void finished() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    private static String minutes(long seconds) {
        return seconds < 90 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
    }
}
