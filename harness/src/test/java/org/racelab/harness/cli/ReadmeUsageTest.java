package org.racelab.harness.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's usage block is the CLI's own synopsis, so the two cannot drift apart. */
class ReadmeUsageTest {

    private static final String HEADING = "## What each command shows";

    @Test
    void readmeUsageBlockIsTheCliSynopsis() throws Exception {
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"));
        int heading = readme.indexOf(HEADING);
        int open = readme.subList(heading, readme.size()).indexOf("```") + heading;
        int close = readme.subList(open + 1, readme.size()).indexOf("```") + open + 1;
        List<String> block = readme.subList(open + 1, close);
        assertEquals(String.join("\n", new Cli().synopsis()), String.join("\n", block),
                "README.md's usage block under '" + HEADING + "' differs from 'new Cli().synopsis()': paste the latter");
    }
}
