package org.racelab.harness.sched;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.racelab.harness.bundle.SchedCarriers.CarrierRun;
import org.racelab.harness.bundle.SchedFootprint.FootprintRun;
import org.racelab.harness.bundle.SchedPreemption.PreemptionRun;
import org.racelab.harness.bundle.SchedTimeslice;

import java.util.List;

/**
 * What one child JVM ({@link SchedChild}) measured, as JSON for the parent: exactly one of the
 * experiment parts is set, and {@code missing} lists the readings it could not take.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChildResult(SchedTimeslice timeslice, CarrierRun carriers, PreemptionRun preemption,
                          FootprintRun footprint, List<String> missing) {
}
