package org.racelab.harness.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * One run of racelab on one machine: the interchange format between machines
 * ({@code bundle.json}, schema {@value #SCHEMA}). Runners fill its sections; reports and
 * comparisons read it and nothing else.
 *
 * @param complete   false while the run is going on, and for a run cut short
 * @param incomplete why the run is not complete (empty when it is)
 * @param stress     JCStress's section, or null when the run had none
 * @param vrace      the virtual-thread runner's section, or null
 * @param bench      JMH's section, or null
 * @param sched      the scheduling experiments' section, or null
 * @param model      what interleavings alone allow for each test (the SC model), or null
 * @param lab        the lab assignment a {@code lab check} graded, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Bundle(String schema, String racelabVersion, String command, String profile,
                     Map<String, Object> options, String startedAt, String finishedAt,
                     boolean complete, List<String> incomplete, Machine machine, StressSection stress,
                     VraceSection vrace, BenchSection bench, SchedSection sched, ModelSection model,
                     LabSection lab) {
    public Bundle {
        options = Records.map(options);
        incomplete = Records.list(incomplete);
    }


    public static final String SCHEMA = "racelab.bundle/1";

    public static Bundle start(String racelabVersion, String command, String profile, Map<String, Object> options,
                               String startedAt, Machine machine) {
        return new Bundle(SCHEMA, racelabVersion, command, profile, Map.copyOf(options), startedAt, null,
                false, List.of("the run has not finished"), machine, null, null, null, null, null, null);
    }

    public Bundle withStress(StressSection section) {
        return new Bundle(schema, racelabVersion, command, profile, options, startedAt, finishedAt,
                complete, incomplete, machine, section, vrace, bench, sched, model, lab);
    }

    public Bundle withVrace(VraceSection section) {
        return new Bundle(schema, racelabVersion, command, profile, options, startedAt, finishedAt,
                complete, incomplete, machine, stress, section, bench, sched, model, lab);
    }

    public Bundle withBench(BenchSection section) {
        return new Bundle(schema, racelabVersion, command, profile, options, startedAt, finishedAt,
                complete, incomplete, machine, stress, vrace, section, sched, model, lab);
    }

    public Bundle withSched(SchedSection section) {
        return new Bundle(schema, racelabVersion, command, profile, options, startedAt, finishedAt,
                complete, incomplete, machine, stress, vrace, bench, section, model, lab);
    }

    public Bundle withModel(ModelSection section) {
        return new Bundle(schema, racelabVersion, command, profile, options, startedAt, finishedAt,
                complete, incomplete, machine, stress, vrace, bench, sched, section, lab);
    }

    public Bundle withLab(LabSection section) {
        return new Bundle(schema, racelabVersion, command, profile, options, startedAt, finishedAt,
                complete, incomplete, machine, stress, vrace, bench, sched, model, section);
    }

    /** The run is over: complete when no section and no fault says otherwise. */
    public Bundle finish(String finishedAt, List<String> reasons) {
        return new Bundle(schema, racelabVersion, command, profile, options, startedAt, finishedAt,
                reasons.isEmpty(), List.copyOf(reasons), machine, stress, vrace, bench, sched, model, lab);
    }
}
