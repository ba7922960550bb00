package org.racelab.harness.sched;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.racelab.harness.cli.Cli;
import org.racelab.harness.run.Terminal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Bad input to {@code racelab sched}: exit code 2, one line on stderr, and no run folder. */
class SchedCommandTest {

    @TempDir
    static Path out;

    static Stream<List<String>> badCommandLines() {
        return Stream.of(
                List.of("sched", "nosuchexperiment"),
                List.of("sched", "timeslice", "carriers"),
                List.of("sched", "footprint", "--threads", "1000001"),
                List.of("sched", "footprint", "--threads", "0"),
                List.of("sched", "footprint", "--threads", "many"),
                List.of("sched", "carriers", "--carriers", "0"),
                List.of("sched", "carriers", "--carriers", "257"),
                List.of("sched", "--profile", "extreme"));
    }

    @ParameterizedTest
    @MethodSource("badCommandLines")
    void oneClearLineAndExitCode2(List<String> args) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        List<String> all = new java.util.ArrayList<>(args);
        all.addAll(List.of("--out", out.toString()));
        int code = new Cli().run(all.toArray(String[]::new), new Terminal(new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), false));
        List<String> err = e.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        assertEquals(2, code, err.toString());
        assertEquals(1, err.size(), err.toString());
        assertFalse(err.get(0).contains("Exception"), err.get(0));
        try (var entries = Files.list(out)) {
            assertEquals(0, entries.count(), "nothing is written before the input is checked");
        }
    }
}
