package org.racelab.harness.console;

import org.junit.jupiter.api.Test;
import org.racelab.harness.bundle.BenchRatio;
import org.racelab.harness.bundle.BenchScore;
import org.racelab.harness.bundle.BenchSectionJsonTest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchSummaryTest {

    static BenchRatio ratio(String kind, double advantage, Double error) {
        BenchScore s = new BenchScore(1, null, "u");
        return new BenchRatio("q", "A.b", "A.c", Map.of(), kind, "u", s, s, 1 / advantage, null, advantage, error, false);
    }

    @Test
    void answersInTheDirectionOfBetter() {
        assertEquals("110x cheaper", BenchSummary.answer(ratio("latency", 110, null)));
        assertEquals("2.00x dearer +-10%", BenchSummary.answer(ratio("latency", 0.5, 0.05)));
        assertEquals("3.00x faster +-5.0%", BenchSummary.answer(ratio("throughput", 3, 0.15)));
        assertEquals("1.25x slower", BenchSummary.answer(ratio("throughput", 0.8, null)));
    }

    private static String printed(org.racelab.harness.bundle.BenchSection section) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new BenchSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(section, Path.of("results", "run"));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheTableTheFailuresAndTheFiles() {
        String text = printed(BenchSectionJsonTest.sampleForReport());
        assertTrue(text.contains("How much cheaper or faster is a virtual thread here?"), text);
        assertTrue(text.contains("ThreadStartJoin  -- latency, us/op"), text);
        assertTrue(text.contains("110x cheaper"), text);
        assertTrue(text.contains("Failed in JMH:"), text);
        assertTrue(text.contains("ProcessVsThreadStart.process command=nope: java.io.IOException"), text);
        assertTrue(text.contains("Noisy headline figures"), text); // the baseline, 91.2 +- 20, is
        assertTrue(text.contains(Path.of("results", "run", "raw", "jmh-result.json").toString()), text);
    }

    /** A bimodal headline figure is the range of its forks, everywhere the terminal shows it. */
    @Test
    void aBimodalFigureIsARangeNotOneNumber() {
        String text = printed(BenchSectionJsonTest.sampleBimodal());
        assertTrue(text.contains("bimodal 0.612-2.38"), text);
        assertTrue(text.contains("34x-137x cheaper, bimodal"), text);
        assertTrue(text.contains("0.612 | 2.22 | 2.38 us/op   BIMODAL"), text);
        assertTrue(text.contains("82.1 | 83.0 | 83.6 us/op"), text);
        assertTrue(text.contains("Bimodal headline figures (shown as the range their forks give): start+join, all virtual vs all platform"), text);
    }

    @Test
    void significantDigits() {
        assertEquals("91,235", BenchSummary.sig(91234.6));
        assertEquals("12.3", BenchSummary.sig(12.34));
        assertEquals("0.832", BenchSummary.sig(0.8321));
    }
}
