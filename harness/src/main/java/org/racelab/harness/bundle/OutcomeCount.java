package org.racelab.harness.bundle;

/** How often one outcome was seen, and how the test grades it (JCStress's {@code Expect} word). */
public record OutcomeCount(String id, long count, String expect, String description) {
    public OutcomeCount {
        id = Records.text(id);
        expect = Records.text(expect);
        description = Records.text(description);
    }

}
