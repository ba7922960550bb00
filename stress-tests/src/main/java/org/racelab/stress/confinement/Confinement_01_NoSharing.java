package org.racelab.stress.confinement;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.II_Result;
import org.racelab.stress.Lesson;
import org.racelab.stress.NotesTopic;

import static org.openjdk.jcstress.annotations.Expect.*;

/*
    Notes, Race Conditions: "Races occur due to communication."

    This case is the control experiment for that sentence: take the communication away and
    the race goes with it. Two actors run at the same time, on two CPUs, interleaved by the
    scheduler in whatever way it likes, and each of them does the very thing that loses
    updates in Interleaving_01_LostUpdate: it reads a counter, adds one, writes it back,
    three times over. The difference is that each actor owns its counter. Actor 1 only ever
    touches `mine1`, actor 2 only ever touches `mine2`; neither reads what the other writes,
    so no value passes between them and the order in which their instructions interleave
    cannot change what either one computes.

    What to look for: a single row, "3, 3", and nothing else. The default @Outcome (no id)
    grades every other result FORBIDDEN, so a run that printed anything but "3, 3" would fail
    the test. There is no race id in @Lesson: there is no race to show.

    Why this holds: each actor's reads see its own earlier writes (program order within a
    thread is kept: "Order of execution within a task is known"). The two fields sit side by
    side in one object, most likely on one cache line, so the CPUs do fight over that line
    (false sharing: slower, never wrong). The actors share the line, not the data.

    Each actor reports its own count into its own slot of the result (r1, r2), so the
    reporting is confined too. (The JIT may well fold the three increments into one "+= 3";
    within one thread that is invisible, and it changes nothing here.)

    Result on 2 vCPUs, AMD EPYC (x86_64), Linux 6.18, Temurin JDK 25, jcstress 0.16
    -m quick -sc false, results across all configurations:

    OwnData:
      RESULT      SAMPLES     FREQ      EXPECT  DESCRIPTION
        3, 3  124,141,644  100.00%  Acceptable  Each actor counted its own three increments.

    On AArch64 the table would read the same: "3, 3" only. Confinement asks nothing of the
    memory model beyond a thread seeing its own writes in program order, which every
    architecture keeps.

    Exercise: make actor 2 work on `mine1` instead of `mine2` (all four of its lines) and run
    the case again. Which
    outcomes appear, and which @Outcome line would you now have to write to keep the test
    passing? That line is the communication the notes speak of.
 */
@Lesson(topic = NotesTopic.RACE_CONDITIONS,
        notes = "Races occur due to communication",
        claim = "Two threads that each update only their own data always get the one result program order gives.")
public class Confinement_01_NoSharing {

    @JCStressTest
    @Outcome(id = "3, 3", expect = ACCEPTABLE, desc = "Each actor counted its own three increments.")
    @Outcome(             expect = FORBIDDEN,  desc = "Anything else: confined data cannot race.")
    @State
    public static class OwnData {
        int mine1;
        int mine2;

        @Actor
        public void actor1(II_Result r) {
            mine1 += 1;
            mine1 += 1;
            mine1 += 1;
            r.r1 = mine1;
        }

        @Actor
        public void actor2(II_Result r) {
            mine2 += 1;
            mine2 += 1;
            mine2 += 1;
            r.r2 = mine2;
        }
    }
}
