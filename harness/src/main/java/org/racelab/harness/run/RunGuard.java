package org.racelab.harness.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps what a run measured when the run is cut short (Ctrl-C, {@code kill}): the JVM's shutdown
 * hook stops the runner, which hands back what it has, and waits while the bundle is written.
 */
public final class RunGuard implements AutoCloseable {

    private static volatile boolean shuttingDown;

    /** How long the hook waits for the bundle to be written before the JVM goes. */
    private static final long WRITE_GRACE_SECONDS = 30;

    private final CountDownLatch saved = new CountDownLatch(1);
    private final Thread hook;
    private volatile Runnable onStop = () -> { };
    private volatile boolean interrupted;

    RunGuard() {
        hook = new Thread(this::shutdown, "racelab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** What to do when the run is cut short: stop the current runner. */
    void onStop(Runnable action) {
        onStop = action;
    }

    /** True once the JVM is shutting down (Ctrl-C): then nobody may call {@code System.exit}. */
    public static boolean shuttingDown() {
        return shuttingDown;
    }

    boolean interrupted() {
        return interrupted;
    }

    private void shutdown() {
        interrupted = true;
        shuttingDown = true;
        onStop.run();
        try {
            saved.await(WRITE_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The bundle is written: a shutdown may go ahead. */
    @Override
    public void close() {
        saved.countDown();
        if (!interrupted) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutdown began meanwhile: the hook will find the latch open
            }
        }
    }
}
