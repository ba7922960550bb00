import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why start+join of a virtual thread, driven from a virtual thread, has two speeds on this VM.
 *
 * <p>A plain loop, not JMH: inside one virtual thread (the driver), start an empty virtual thread
 * and join it, over and over, in rounds of 200 ms. For one operation in 64 the child notes the
 * carrier it runs on, and the driver the carrier it runs on before the start: a virtual thread's
 * {@code toString()} names its carrier while it is mounted ({@code ...@ForkJoinPool-1-worker-2}).
 * Per round the script prints the time per start+join and the share of sampled children that ran
 * on another carrier than their driver, so a reader sees which carrier arrangement goes with which
 * speed; and how many times a thread of the JVM went to sleep in the kernel per start+join
 * (voluntary context switches of all its threads, from {@code /proc/self/task}, Linux only): a
 * carrier that parks must be woken by a system call, and on a VM by an interrupt to its CPU.
 * The sampling costs a few hundred nanoseconds per sampled operation, about 1% of the loop.
 *
 * <pre>
 * java benchmarks/scripts/VirtualStartModes.java [ROUNDS]                       # the JVM's default carriers
 * java -Djdk.virtualThreadScheduler.parallelism=1 benchmarks/scripts/VirtualStartModes.java
 * </pre>
 */
public class VirtualStartModes {

    private static final long ROUND_NANOS = 200_000_000L;
    private static volatile String childCarrier;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 25;
        List<String> lines = new ArrayList<>();
        Thread driver = Thread.ofVirtual().start(() -> {
            try {
                for (int r = 0; r < rounds; r++) {
                    lines.add(round(r));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        driver.join();
        System.out.println("carriers: " + System.getProperty("jdk.virtualThreadScheduler.parallelism",
                Runtime.getRuntime().availableProcessors() + " (default: one per CPU)"));
        System.out.println("round  us per start+join  child on another carrier  sleeps per op  GCs  stolen");
        lines.forEach(System.out::println);
    }

    private static String round(int r) throws InterruptedException {
        Runnable plain = () -> { };
        Runnable noting = () -> childCarrier = carrier(Thread.currentThread());
        long switches = contextSwitches();
        long gcs = collections();
        long steal = stolenTicks();
        long ops = 0;
        int sampled = 0;
        int elsewhere = 0;
        long start = System.nanoTime();
        long end = start + ROUND_NANOS;
        long now;
        do {
            for (int i = 0; i < 64; i++) {
                Thread.ofVirtual().start(plain).join();
            }
            String mine = carrier(Thread.currentThread());
            Thread.ofVirtual().start(noting).join();
            sampled++;
            if (!mine.equals(childCarrier)) {
                elsewhere++;
            }
            ops += 65;
            now = System.nanoTime();
        } while (now < end);
        long slept = contextSwitches() - switches;
        long stolen = stolenTicks() - steal;
        return String.format(Locale.ROOT, "%5d  %17.2f  %13.1f%% of %4d  %13s  %3d  %s", r + 1, (now - start) / 1e3 / ops,
                100.0 * elsewhere / sampled, sampled,
                switches < 0 ? "?" : String.format(Locale.ROOT, "%.2f", (double) slept / ops),
                collections() - gcs, steal < 0 ? "?" : stolen * 10 + " ms");
    }

    private static long collections() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount).sum();
    }

    /** CPU time the hypervisor gave to others while this machine wanted it (all CPUs, ticks of 10 ms), or -1. */
    private static long stolenTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return cpu.length > 8 ? Long.parseLong(cpu[8]) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Voluntary context switches of every thread of this JVM so far (Linux), or -1. */
    private static long contextSwitches() {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            long sum = 0;
            for (Path t : tasks.toList()) {
                try {
                    for (String line : Files.readAllLines(t.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException gone) {
                    // the thread ended while we read
                }
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String carrier(Thread virtual) {
        String s = virtual.toString();
        int at = s.lastIndexOf('@');
        return at < 0 ? "?" : s.substring(at + 1);
    }
}
