package org.racelab.stress.racecondition;

import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.II_Result;
import org.racelab.stress.Lesson;
import org.racelab.stress.NotesTopic;
import org.racelab.stress.Observable;

import static org.openjdk.jcstress.annotations.Expect.*;

/*
    The notes say:  Outcome depends on non-deterministic ordering

    An account holds 100. Two withdrawals of 100 run at once, each one checking first:

        if (balance >= amount) {       // check
            balance -= amount;         // act: itself a read, a subtraction and a write
            return true;
        }
        return false;

    Run one after the other, the first is paid and the second refused: balance 0, one
    payment. Run at once, both can pass the check before either has acted, and both are
    paid. The arbiter reports "balance, payments".

    What to look for:

      - CheckThenAct: two payments show up in two forms.
          "-100, 2": the overdraft as the story tells it. Both checked 100, then each
                     subtracted from the balance as it was after the other's debit.
          "0, 2":    worse, because the books look right. Both checked 100, both computed
                     100 - 100 and wrote 0: the check-then-act race and the lost update of
                     Interleaving_01 at once. 200 was paid out of an account of 100 and the
                     balance says only 100 left it.
        In the run below "-100, 2" came only from the interpreter (-Xint), which reads the
        field again for the subtraction. Compiled code reads balance once and subtracts
        from that, so there every double payment reads "0, 2". Both outcomes are the race;
        which one you see depends on the compiler, not on the program.

      - Synchronized: check and act under one lock; the second withdrawal checks only after
        the first has debited. Double payments are forbidden.

      - AtomicCompareAndSet: no lock. Read the balance, check it, then compareAndSet(seen,
        seen - amount), which writes only if the balance is still the one that was checked;
        if someone got there first, check again against the new balance. The check and the
        act become one atomic step, retried on conflict. Double payments are forbidden.

    On 2 vCPUs, AMD EPYC (x86_64), Linux 6.18, Temurin JDK 25, jcstress 0.16 -m quick -sc false:

      CheckThenAct:
         RESULT      SAMPLES     FREQ       EXPECT  DESCRIPTION
        -100, 2       47,009    0.02%  Interesting  Overdraft: both passed the check, both paid.
           0, 1  257,996,830   97.99%   Acceptable  One withdrawal paid, the other refused.
           0, 2    5,249,165    1.99%  Interesting  Both paid, and one debit was lost as well.

      Synchronized:
         RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
        -100, 2           0    0.00%   Forbidden  Both withdrawals paid.
           0, 1  36,395,084  100.00%  Acceptable  One withdrawal paid, the other refused.
           0, 2           0    0.00%   Forbidden  Both withdrawals paid.

      AtomicCompareAndSet:
         RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
        -100, 2           0    0.00%   Forbidden  Both withdrawals paid.
           0, 1  33,712,204  100.00%  Acceptable  One withdrawal paid, the other refused.
           0, 2           0    0.00%   Forbidden  Both withdrawals paid.

    On AArch64 the same outcomes are expected: the race is about the gap between check and
    act, not about memory ordering, so the weaker memory model adds no outcome here. The
    compareAndSet becomes a CASAL (ARMv8.1 LSE) or an LDAXR/STLXR loop instead of LOCK
    CMPXCHG.

    Exercise: make balance volatile in CheckThenAct. Which outcomes go away, and which stay?
    Then replace the CAS loop with balance.addAndGet(-amount) after the check: why is that
    no fix, though every single operation on balance is now atomic?
 */
@Lesson(topic = NotesTopic.RACE_CONDITIONS,
        notes = "Outcome depends on non-deterministic ordering",
        claim = "Checking the balance and then withdrawing lets two withdrawals both pass the check.",
        race = {"-100, 2", "0, 2"})
public class RaceCondition_02_Overdraft {

    @JCStressTest
    @Observable(on = {"x86_64", "aarch64"})
    @Outcome(id = "0, 1",    expect = ACCEPTABLE,             desc = "One withdrawal paid, the other refused.")
    @Outcome(id = "-100, 2", expect = ACCEPTABLE_INTERESTING, desc = "Overdraft: both passed the check, both paid.")
    @Outcome(id = "0, 2",    expect = ACCEPTABLE_INTERESTING, desc = "Both paid, and one debit was lost as well.")
    @State
    public static class CheckThenAct {
        int balance = 100;
        boolean paid1, paid2;

        boolean withdraw(int amount) {
            if (balance >= amount) {
                balance -= amount;
                return true;
            }
            return false;
        }

        @Actor
        public void actor1() {
            paid1 = withdraw(100);
        }

        @Actor
        public void actor2() {
            paid2 = withdraw(100);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = balance;
            r.r2 = (paid1 ? 1 : 0) + (paid2 ? 1 : 0);
        }
    }

    @JCStressTest
    @Outcome(id = "0, 1",              expect = ACCEPTABLE, desc = "One withdrawal paid, the other refused.")
    @Outcome(id = {"-100, 2", "0, 2"}, expect = FORBIDDEN,  desc = "Both withdrawals paid.")
    @State
    public static class Synchronized {
        int balance = 100;
        boolean paid1, paid2;

        synchronized boolean withdraw(int amount) {
            if (balance >= amount) {
                balance -= amount;
                return true;
            }
            return false;
        }

        @Actor
        public void actor1() {
            paid1 = withdraw(100);
        }

        @Actor
        public void actor2() {
            paid2 = withdraw(100);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = balance;
            r.r2 = (paid1 ? 1 : 0) + (paid2 ? 1 : 0);
        }
    }

    @JCStressTest
    @Outcome(id = "0, 1",              expect = ACCEPTABLE, desc = "One withdrawal paid, the other refused.")
    @Outcome(id = {"-100, 2", "0, 2"}, expect = FORBIDDEN,  desc = "Both withdrawals paid.")
    @State
    public static class AtomicCompareAndSet {
        final AtomicInteger balance = new AtomicInteger(100);
        boolean paid1, paid2;

        boolean withdraw(int amount) {
            while (true) {
                int seen = balance.get();
                if (seen < amount) {
                    return false;
                }
                // Succeeds only if nobody changed the balance since we checked it;
                // otherwise check again against the new balance.
                if (balance.compareAndSet(seen, seen - amount)) {
                    return true;
                }
            }
        }

        @Actor
        public void actor1() {
            paid1 = withdraw(100);
        }

        @Actor
        public void actor2() {
            paid2 = withdraw(100);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = balance.get();
            r.r2 = (paid1 ? 1 : 0) + (paid2 ? 1 : 0);
        }
    }
}
