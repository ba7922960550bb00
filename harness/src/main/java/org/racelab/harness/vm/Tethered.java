package org.racelab.harness.vm;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The main class of every child JVM racelab starts: {@code Tethered MAIN_CLASS ARGS...} runs
 * {@code MAIN_CLASS.main(ARGS)}, and ends this JVM as soon as racelab is gone, however racelab
 * ended (Ctrl-C, {@code kill}, {@code kill -9}, a crash).
 *
 * <p>The tether is the child's standard input: {@link ChildJvm} keeps the write end of that
 * pipe open for as long as the child runs and never writes to it. Only racelab holds it (a JVM
 * closes every other descriptor in the processes it starts), so when racelab's process ends,
 * for whatever reason, the operating system closes it and a read here sees end of file at
 * once: no polling, and no process id that could be reused. Then this JVM exits the orderly
 * way, so that its shutdown hooks run (JCStress's host ends its forks and closes its results
 * file, see {@code JCStressMain}); if they take longer than {@link #HALT_AFTER}, whatever this
 * JVM started is killed and the JVM halts.
 */
public final class Tethered {

    /** The exit code of a child whose racelab went away. */
    public static final int ORPHANED = 129;
    /** How long the shutdown hooks of an orphaned child may take before it halts. */
    static final long HALT_AFTER = TimeUnit.SECONDS.toMillis(5);

    private Tethered() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 1) {
            System.err.println("usage: Tethered MAIN_CLASS ARGS... (standard input: a pipe from racelab, kept open)");
            System.exit(2);
        }
        watch(System.in);
        MethodHandle main = MethodHandles.publicLookup().findStatic(Class.forName(args[0]), "main",
                MethodType.methodType(void.class, String[].class));
        main.invokeExact(Arrays.copyOfRange(args, 1, args.length));
    }

    /** Ends this JVM when {@code lifeline} reaches its end: racelab is gone. */
    static void watch(InputStream lifeline) {
        Thread.ofPlatform().daemon().name("racelab-tether").start(() -> {
            try {
                while (lifeline.read() >= 0) {
                    // racelab never writes; a stray byte changes nothing
                }
            } catch (IOException e) {
                // a broken pipe is a parent gone, too
            }
            orphaned();
        });
    }

    private static void orphaned() {
        System.err.println("racelab: the racelab process that started this JVM is gone; this JVM ends");
        Thread.ofPlatform().daemon().name("racelab-tether-halt").start(() -> {
            try {
                Thread.sleep(HALT_AFTER);
            } catch (InterruptedException e) {
                // halt now
            }
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            Runtime.getRuntime().halt(ORPHANED);
        });
        System.exit(ORPHANED);
    }
}
