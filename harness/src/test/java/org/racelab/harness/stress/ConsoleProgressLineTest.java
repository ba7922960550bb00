package org.racelab.harness.stress;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleProgressLineTest {

    @Test
    void readsJCStressProgressLine() {
        // captured from raw/jcstress-console.log of a JCStress 0.16 run on this project's machine
        ConsoleProgressLine l = ConsoleProgressLine.parse(
                "(Results: 4 planned; 2 passed, 1 failed, 0 soft errs, 1 hard errs)").orElseThrow();
        assertEquals(4, l.planned());
        assertEquals(4, l.done());
        assertEquals("1 failed, 1 errors", l.note());
    }

    @Test
    void ignoresEveryOtherLine() {
        assertTrue(ConsoleProgressLine.parse("(ETA: 00:00:12)").isEmpty());
        assertTrue(ConsoleProgressLine.parse("(Sampling Rate: 35.19 M/sec)").isEmpty());
    }
}
