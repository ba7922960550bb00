package org.racelab.harness.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input to {@code racelab bench}: exit code 2, one line on stderr, nothing run. */
class BenchBadInputTest {

    static Stream<List<String>> badCommandLines() {
        return Stream.of(
                List.of("bench", "--bench", "NoSuchBenchmarkAnywhere"),
                List.of("bench", "--bench", "(["),
                List.of("bench", "--profile", "extreme"),
                List.of("bench", "--bench"),
                List.of("bench", "extra-operand"));
    }

    @ParameterizedTest
    @MethodSource("badCommandLines")
    void oneClearLineAndExitCode2(List<String> args) {
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.errLines().get(0).startsWith("racelab bench: "), run.toString());
        assertFalse(run.err().contains("Exception"), run.toString());
        assertEquals("", run.out(), run.toString());
    }

    @ParameterizedTest
    @MethodSource("badCommandLines")
    void saysWhatIsWrong(List<String> args) {
        String line = CliRun.of(args.toArray(String[]::new)).errLines().get(0);
        String why = switch (args.get(args.size() - 1)) {
            case "NoSuchBenchmarkAnywhere" -> "no benchmark matches --bench 'NoSuchBenchmarkAnywhere'";
            case "([" -> "--bench is not a regular expression";
            case "extreme" -> "unknown profile 'extreme'";
            case "--bench" -> "Missing argument for option: b";
            default -> "unexpected argument 'extra-operand'";
        };
        assertTrue(line.contains(why), line);
    }
}
