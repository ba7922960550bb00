package org.racelab.harness.report;

import org.junit.jupiter.api.Test;
import org.racelab.harness.bundle.BenchSectionJsonTest;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The page's bench rows: each fork's score, and a bimodal figure as the range of its forks. */
class BenchGroupsTest {

    @Test
    void aBimodalRowShowsItsForksAndARange() {
        List<ReportModel.BenchGroup> groups = BenchGroups.of(BenchSectionJsonTest.sampleBimodal(), false);
        ReportModel.BenchRow row = groups.get(0).rows().get(0);
        assertEquals("bimodal: 0.612 to 2.38 us/op (forks 0.612, 2.22, 2.38)", row.subjectScore());
        assertEquals("82.90 ± 1.30 us/op (forks 82.10, 83.00, 83.60)", row.baselineScore());
        assertEquals("0.00732 to 0.0290 (bimodal)", row.ratio());
        assertEquals("34.50x to 137x (bimodal)", row.advantage());
    }

    @Test
    void aScoreFromOneForkIsAsBefore() {
        List<ReportModel.BenchGroup> groups = BenchGroups.of(BenchSectionJsonTest.sampleForReport(), false);
        ReportModel.BenchRow row = groups.get(0).rows().get(0);
        assertEquals("0.830 ± 0.0400 us/op", row.subjectScore());
        assertEquals("110x", row.advantage());
    }
}
