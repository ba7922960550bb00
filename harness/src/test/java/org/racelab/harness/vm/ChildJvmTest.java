package org.racelab.harness.vm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ChildJvm} with real child JVMs, whose main classes are the small programs at the end of
 * this class. Margins: a JVM starts in well under a second here, and in 1-2 s on a loaded 2-core
 * machine; the waits below are 5 s or more wherever a JVM must have started.
 */
class ChildJvmTest {

    @TempDir
    Path tmp;

    @Test
    void theConsoleGoesLineByLineToTheLogAndTheListener() throws IOException {
        List<String> heard = new CopyOnWriteArrayList<>();
        ChildJvm.Ending ending = new ChildJvm().run(command(Talker.class), null, tmp.resolve("talker.log"),
                Duration.ofMinutes(2), heard::add);
        assertEquals(7, ending.exitCode());
        assertFalse(ending.stopped());
        assertEquals(List.of("one", "two", "three"), heard);
        assertEquals(List.of("one", "two", "three"), Files.readAllLines(tmp.resolve("talker.log")));
    }

    @Test
    void theChildsClassPathIsAbsoluteSinceItMayRunInAnotherFolder() {
        // JCStress runs in raw/; 'java -jar harness/target/racelab.jar' gives a relative class path
        List<String> cmd = ChildJvm.command(List.of(), Path.of("target", "test-classes"), Talker.class.getName(),
                List.of());
        String cp = cmd.get(cmd.indexOf("-cp") + 1);
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            assertTrue(Path.of(entry).isAbsolute(), entry + " is relative");
        }
        assertTrue(cp.startsWith(Path.of("target", "test-classes").toAbsolutePath() + java.io.File.pathSeparator),
                "the caller's entry first");
        assertEquals(List.of(Tethered.class.getName(), Talker.class.getName()), cmd.subList(cmd.size() - 2, cmd.size()),
                "the child runs its main class through the tether");
    }

    @Test
    void aWatchdogOfAnyLengthIsAccepted() throws IOException {
        // Duration.toMillis() of this overflows; the watchdog must simply never trip
        ChildJvm.Ending ending = new ChildJvm().run(command(Talker.class), null, tmp.resolve("talker.log"),
                Duration.ofSeconds(Long.MAX_VALUE), line -> { });
        assertEquals(7, ending.exitCode());
        assertFalse(ending.stopped());
    }

    @Test
    void theWatchdogAsksAChildThatRunsTooLongToEndSoItCanSaveWhatItHas() throws IOException {
        Path saved = tmp.resolve("saved");
        long start = System.nanoTime();
        ChildJvm.Ending ending = new ChildJvm().run(command(SavesOnStop.class, saved.toString()), null,
                tmp.resolve("child.log"), Duration.ofSeconds(5), line -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(ending.stopped());
        assertEquals("did not finish within 5 s; it was stopped", ending.stopReason());
        assertTrue(Files.exists(saved), "asked to end (SIGTERM), the child's shutdown hook ran and saved");
        assertEquals(143, ending.exitCode(), "ended by SIGTERM, not killed");
        assertTrue(seconds >= 5, "not before its time: " + seconds);
    }

    @Test
    void stopAsksTheChildToEndAndItsShutdownHookRuns() throws Exception {
        Path saved = tmp.resolve("saved");
        ChildJvm jvm = new ChildJvm();
        CountDownLatch ready = new CountDownLatch(1);
        CompletableFuture<ChildJvm.Ending> ending = runAsync(jvm, command(SavesOnStop.class, saved.toString()), ready);
        assertTrue(ready.await(60, TimeUnit.SECONDS), "the child started");
        jvm.stop("interrupted (Ctrl-C)");
        ChildJvm.Ending e = ending.get(60, TimeUnit.SECONDS);
        assertEquals("interrupted (Ctrl-C)", e.stopReason());
        assertTrue(Files.exists(saved), "the child's shutdown hook ran and saved");
        assertTrue(Files.readAllLines(tmp.resolve("child.log")).contains("saved"),
                "what the child printed as it ended is in the log: the console pipe was not cut");
    }

    @Test
    void aChildThatDoesNotEndWhenAskedIsKilledWithEverythingItStarted() throws Exception {
        Path grandchildPid = tmp.resolve("grandchild.pid");
        ChildJvm jvm = new ChildJvm(Duration.ofSeconds(2));
        CountDownLatch ready = new CountDownLatch(1);
        CompletableFuture<ChildJvm.Ending> ending = runAsync(jvm, command(Stubborn.class, grandchildPid.toString()),
                ready);
        assertTrue(ready.await(60, TimeUnit.SECONDS), "the child and its own child started");
        ProcessHandle grandchild = ProcessHandle.of(Long.parseLong(Files.readString(grandchildPid).strip())).orElseThrow();
        try {
            jvm.stop("interrupted (Ctrl-C)");
            ChildJvm.Ending e = ending.get(60, TimeUnit.SECONDS);
            assertTrue(e.stopReason().startsWith(
                    "interrupted (Ctrl-C) (it did not end within 2 s of being asked to, and was killed)"), e.stopReason());
            assertTrue(grandchild.onExit().thenApply(p -> true).completeOnTimeout(false, 10, TimeUnit.SECONDS).get(),
                    "the child's own child was killed too");
        } finally {
            grandchild.destroyForcibly();
        }
    }

    @Test
    void aChildEndsWhenTheRacelabThatStartedItIsKilled() throws Exception {
        Path childPid = tmp.resolve("child.pid");
        Process racelab = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FakeRacelab.class.getName(), childPid.toString(),
                tmp.resolve("child.log").toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("racelab.log").toFile()).start();
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(childPid) || Files.readString(childPid).isBlank()) {
                assertTrue(System.nanoTime() < end && racelab.isAlive(), "the child started: "
                        + Files.readString(tmp.resolve("racelab.log")));
                Thread.sleep(50);
            }
            ProcessHandle child = ProcessHandle.of(Long.parseLong(Files.readString(childPid).strip())).orElseThrow();
            racelab.destroyForcibly(); // kill -9: racelab runs no code of its own
            // the tether sees the pipe close at once; 5 s allows for a loaded machine
            Boolean gone = child.onExit().thenApply(p -> true).completeOnTimeout(false, 5, TimeUnit.SECONDS).get();
            child.destroyForcibly(); // no orphan left behind should the test fail
            assertTrue(gone, "the child still runs 5 s after its racelab was killed");
        } finally {
            racelab.descendants().forEach(ProcessHandle::destroyForcibly);
            racelab.destroyForcibly();
        }
    }

    private CompletableFuture<ChildJvm.Ending> runAsync(ChildJvm jvm, List<String> command, CountDownLatch ready) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return jvm.run(command, null, tmp.resolve("child.log"), Duration.ofMinutes(5), line -> {
                    if (line.equals("ready")) {
                        ready.countDown();
                    }
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static List<String> command(Class<?> main, String... args) {
        return ChildJvm.command(List.of(), null, main.getName(), List.of(args));
    }

    /** Prints three lines, exits with 7. */
    public static final class Talker {
        public static void main(String[] args) {
            System.out.println("one");
            System.out.println("two");
            System.out.println("three");
            System.exit(7);
        }
    }

    /** Runs until stopped; when asked to end, writes the file {@code args[0]} and says "saved". */
    public static final class SavesOnStop {
        public static void main(String[] args) throws Exception {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.writeString(Path.of(args[0]), "saved");
                    System.out.println("saved");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
            System.out.println("ready");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Starts a JVM of its own (its pid into {@code args[0]}), and when asked to end, never does. */
    public static final class Stubborn {
        public static void main(String[] args) throws Exception {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Sleeper.class.getName()).start();
            Files.writeString(Path.of(args[0]), Long.toString(p.pid()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            System.out.println("ready");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Sleeps. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** A racelab in miniature: runs {@link PidWriter} through a ChildJvm and waits for it. */
    public static final class FakeRacelab {
        public static void main(String[] args) throws IOException {
            new ChildJvm().run(ChildJvm.command(List.of(), null, PidWriter.class.getName(), List.of(args[0])), null,
                    Path.of(args[1]), Duration.ofHours(1), line -> { });
        }
    }

    /** Writes its pid into {@code args[0]}, then sleeps. */
    public static final class PidWriter {
        public static void main(String[] args) throws Exception {
            Path tmp = Path.of(args[0] + ".tmp");
            Files.writeString(tmp, Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
            Files.move(tmp, Path.of(args[0]));
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
