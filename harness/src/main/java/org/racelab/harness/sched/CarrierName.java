package org.racelab.harness.sched;

/**
 * The carrier a virtual thread is mounted on, read from the thread's own {@code toString()}:
 * for a mounted virtual thread the JDK (21 to 25) prints
 * {@code VirtualThread[#22,name]/runnable@ForkJoinPool-1-worker-1}, and the part after the last
 * {@code '@'} names its carrier. There is no public API for it; this is the JDK's own text, so a
 * thread that is not mounted, or a JDK that prints otherwise, gives {@link #UNKNOWN}.
 */
public final class CarrierName {

    public static final String UNKNOWN = "unknown";

    private CarrierName() {
    }

    public static String of(String threadToString) {
        int at = threadToString.lastIndexOf('@');
        return at < 0 || at == threadToString.length() - 1 ? UNKNOWN : threadToString.substring(at + 1);
    }

    /** The current thread's carrier, or its own name for a platform thread. */
    public static String current() {
        Thread t = Thread.currentThread();
        return t.isVirtual() ? of(t.toString()) : t.getName();
    }
}
