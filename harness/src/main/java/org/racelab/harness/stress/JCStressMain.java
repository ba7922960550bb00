package org.racelab.harness.stress;

import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Main;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.TestExecutor;
import org.openjdk.jcstress.infra.collectors.MuxCollector;
import org.openjdk.jcstress.infra.collectors.SerializedBufferCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.collectors.TestResultCollector;
import org.openjdk.jcstress.infra.grading.ConsoleReportPrinter;
import org.openjdk.jcstress.infra.runners.TestConfig;
import org.openjdk.jcstress.os.CPUMap;
import org.openjdk.jcstress.os.OSSupport;
import org.openjdk.jcstress.os.Scheduler;
import org.openjdk.jcstress.os.SchedulingClass;
import org.openjdk.jcstress.os.topology.Topology;
import org.openjdk.jcstress.vm.VMSupport;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;

/**
 * JCStress's {@code Main}, run so that a run cut short keeps every result that had come in.
 * racelab starts the JCStress JVM with this main class; it takes JCStress's own arguments.
 *
 * <p>JCStress 0.16 has no shutdown hook, and its results file is written through a gzip stream
 * that holds everything until it is closed at the very end of the run: a JCStress JVM that is
 * stopped, by a signal or by racelab's watchdog, leaves a 10-byte file, and every test it had
 * finished is lost. So this class runs the steps of {@code JCStress.run()} itself (the two
 * private ones, which work out the forks to run, through reflection), with two differences:
 * <ul>
 *   <li>the results file is written by {@link ResultFileWriter}, every result on disk as it
 *       comes in;</li>
 *   <li>a shutdown hook that, when the JVM is asked to end (SIGTERM, SIGINT, or racelab gone:
 *       see {@code Tethered}), lets in no further result and starts no further fork, kills the
 *       running forks (JCStress does not: they would run on), waits for the results already
 *       in to be written, closes the file and prints the final progress line, which then
 *       counts exactly the results in the file.</li>
 * </ul>
 * The forks it kills are tests that had not finished; they are left out, not recorded as the VM
 * errors JCStress would make of them. Another JCStress version on the class path (a
 * {@code --tests-jar} that brings its own) runs through its own {@code Main}, as before.
 */
public final class JCStressMain {

    private static final long FORK_KILL_MILLIS = TimeUnit.SECONDS.toMillis(5);

    private final Options opts;
    private final JCStress jcstress;
    private final PrintStream out = System.out;
    private volatile Run run;
    private volatile boolean stopping;

    private JCStressMain(Options opts) {
        this.opts = opts;
        this.jcstress = new JCStress(opts);
    }

    public static void main(String[] args) throws Exception {
        Method schedulingClasses;
        Method runProgram;
        try {
            schedulingClasses = JCStress.class.getDeclaredMethod("computeSchedulingClasses", SortedSet.class,
                    Scheduler.class);
            runProgram = JCStress.class.getDeclaredMethod("prepareRunProgram", Map.class, Set.class);
            schedulingClasses.setAccessible(true);
            runProgram.setAccessible(true);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            System.out.println("racelab: the JCStress on the class path is not " + StressRunner.JCSTRESS_VERSION
                    + " (" + e + "); it runs as it is, and a run cut short keeps none of its results");
            Main.main(args);
            return;
        }
        System.out.println("Java Concurrency Stress Tests, run by racelab so that a run cut short keeps its results");
        System.out.println("---------------------------------------------------------------------------------");
        System.out.println();
        Options opts = new Options(args);
        if (!opts.parse()) {
            System.exit(1);
        }
        if (opts.shouldList() || opts.shouldParse()) {
            Main.main(args);
            return;
        }
        JCStressMain main = new JCStressMain(opts);
        Runtime.getRuntime().addShutdownHook(new Thread(main::cutShort, "racelab-jcstress-stop"));
        main.run(schedulingClasses, runProgram);
    }

    /** What {@code JCStress.run()} does, with racelab's results file and a way to stop. */
    @SuppressWarnings("unchecked")
    private void run(Method schedulingClasses, Method runProgram) throws Exception {
        OSSupport.init();
        VMSupport.initFlags(opts);
        VMSupport.detectAvailableVMConfigs(opts.isSplitCompilation(), opts.getJvmArgs(), opts.getJvmArgsPrepend());
        if (VMSupport.getAvailableVMConfigs().isEmpty()) {
            // when stopping, the probes failed because the stop killed them: nothing to report
            if (!stopping) {
                out.println("FATAL: No JVM configurations to run with.");
            }
            return;
        }
        SortedSet<String> tests = jcstress.getTests();
        Topology topology = Topology.get();
        out.println("Detecting CPU topology and computing scheduling classes:");
        topology.printStatus(out);
        out.println();
        out.println("  Scheduling classes for matching tests:");
        ClosableScheduler scheduler = new ClosableScheduler(topology, opts.getCPUCount());
        Map<Integer, List<SchedulingClass>> classes =
                (Map<Integer, List<SchedulingClass>>) invoke(schedulingClasses, tests, scheduler);
        List<TestConfig> configs = (List<TestConfig>) invoke(runProgram, classes, tests);
        opts.printSettingsOn(out);
        if (configs.isEmpty()) {
            out.println("FATAL: No matching tests.");
            return;
        }

        ConsoleReportPrinter printer = new ConsoleReportPrinter(opts, new PrintWriter(out, true), configs.size());
        Path file = Path.of(opts.getResultFile());
        ResultFileWriter writer = new ResultFileWriter(file);
        // the file first: whatever the console has counted is on disk
        SerializedBufferCollector buffer = new SerializedBufferCollector(MuxCollector.of(writer, printer));
        Gate gate = new Gate(buffer);
        TestExecutor executor = new TestExecutor(opts.verbosity(), gate, scheduler);
        printer.setExecutor(executor);
        Run r = new Run(scheduler, gate, buffer, writer, printer, file, configs.size());
        run = r;

        executor.runAll(configs);

        if (!r.end()) {
            return; // the shutdown hook has it
        }
        buffer.close();
        writer.close();
        printer.printFinishLine();
        out.println();
        out.println();
        jcstress.parseResults();
    }

    private Object invoke(Method m, Object... args) throws Exception {
        try {
            return m.invoke(jcstress, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /** The shutdown hook: keep what came in, end what runs. */
    private void cutShort() {
        stopping = true;
        Run r = run;
        if (r == null) {
            out.println("racelab: JCStress was stopped while it probed the JVM, before any test ran");
            out.flush();
            endForks();
            return;
        }
        if (!r.end()) {
            endForks(); // the run had ended: whatever still runs ends too
            return;
        }
        r.scheduler.close();
        r.gate.close();
        endForks();
        r.buffer.close();
        try {
            r.writer.close();
        } catch (IOException e) {
            out.println("racelab: cannot close " + r.file + ": " + e.getMessage());
        }
        r.printer.printFinishLine();
        out.println();
        out.println("racelab: JCStress was stopped; the " + r.writer.written() + " of " + r.planned
                + " results that had come in are in " + r.file);
        out.flush();
    }

    /** Kills the forks until none is left: one may still be starting when the first are killed. */
    private static void endForks() {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FORK_KILL_MILLIS);
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < end) {
            List<ProcessHandle> alive = ProcessHandle.current().descendants().toList();
            if (alive.isEmpty()) {
                quiet++;
            } else {
                quiet = 0;
                alive.forEach(ProcessHandle::destroyForcibly);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The run's collectors, and who ends them: the run at its end, or the shutdown hook. */
    private static final class Run {
        final ClosableScheduler scheduler;
        final Gate gate;
        final SerializedBufferCollector buffer;
        final ResultFileWriter writer;
        final ConsoleReportPrinter printer;
        final Path file;
        final int planned;
        private boolean ended;

        Run(ClosableScheduler scheduler, Gate gate, SerializedBufferCollector buffer, ResultFileWriter writer,
            ConsoleReportPrinter printer, Path file, int planned) {
            this.scheduler = scheduler;
            this.gate = gate;
            this.buffer = buffer;
            this.writer = writer;
            this.printer = printer;
            this.file = file;
            this.planned = planned;
        }

        /** True for the one caller that gets to end the run. */
        synchronized boolean end() {
            boolean first = !ended;
            ended = true;
            return first;
        }
    }

    /** Lets results through until it is closed; after that, a fork that was killed is no result. */
    private static final class Gate implements TestResultCollector {
        private final TestResultCollector next;
        private boolean closed;

        Gate(TestResultCollector next) {
            this.next = next;
        }

        @Override
        public synchronized void add(TestResult result) {
            if (!closed) {
                next.add(result);
            }
        }

        synchronized void close() {
            closed = true;
        }
    }

    /** JCStress's scheduler, which hands out no more CPUs, so starts no more forks, once closed. */
    private static final class ClosableScheduler extends Scheduler {
        private boolean closed;

        ClosableScheduler(Topology topology, int cpus) {
            super(topology, cpus);
        }

        @Override
        public synchronized CPUMap tryAcquire(SchedulingClass scl) {
            return closed ? null : super.tryAcquire(scl);
        }

        synchronized void close() {
            closed = true;
        }
    }
}
