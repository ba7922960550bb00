package org.racelab.harness.stress;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForkResultTest {

    /** A fork that printed a million lines, one of them very long, keeps the first lines and says what was cut. */
    @Test
    void aForksConsoleIsKeptBounded() {
        List<String> lines = new ArrayList<>();
        lines.add("x".repeat(1_000_000));
        for (int i = 0; i < 1_000_000; i++) {
            lines.add("line " + i);
        }
        List<String> kept = ForkResult.bounded(lines);
        assertEquals(ForkResult.MAX_LINES + 1, kept.size());
        assertTrue(kept.get(0).endsWith("... (998000 more characters cut)"), kept.get(0).substring(1990));
        assertEquals("line 0", kept.get(1));
        assertEquals("... (" + (1_000_001 - ForkResult.MAX_LINES) + " more lines cut)", kept.get(ForkResult.MAX_LINES));
        assertEquals(List.of("a", "b"), ForkResult.bounded(List.of("a", "b")));
    }
}
