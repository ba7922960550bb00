package lab.bank;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.IIII_Result;
import org.racelab.stress.Lesson;
import org.racelab.stress.NotesTopic;

import static org.openjdk.jcstress.annotations.Expect.*;

/*
    The notes say:  Order of execution between concurrent tasks is unknown

    A transfer is several steps: check the balance, take the money out of one account, put it
    into the other. Two transfers that run at once can mix those steps in any order, and the
    account must come out right whichever order happened.

    OppositeTransfers: A and B hold 100 each. One thread moves 30 from A to B while another
    moves 50 from B to A. Afterwards A must hold 120 and B 80, and both transfers must say
    they succeeded: "1, 1, 120, 80". Anything else is FORBIDDEN: a balance update was lost
    (both transfers read the same balance, and the later write overwrote the earlier one), so
    money was lost, made, or a transfer silently undone.
    This test also catches the deadlock: if A->B locks A and then waits for B while B->A
    locks B and waits for A, neither actor ever finishes, and JCStress reports the test as
    hung (an error, never a pass).

    DoubleWithdrawal: A holds 100, B 0. Two threads each try to move 100 from A to B. Only
    one can succeed: "1, 0, 0, 100" or "0, 1, 0, 100". "1, 1, -100, 200" is the overdraft:
    both transfers passed the balance check before either took the money out.

    Results are r1, r2 (1 if that actor's transfer said it succeeded), r3 = A's balance,
    r4 = B's balance, read after both actors finished.
 */
@Lesson(topic = NotesTopic.INTERLEAVINGS,
        notes = "Order of execution between concurrent tasks is unknown",
        claim = "A transfer is correct under concurrency only if no order of two transfers' steps can lose money, overdraw an account, or leave each waiting for the other.",
        race = {})
public class BankStress {

    @JCStressTest
    @Outcome(id = "1, 1, 120, 80", expect = ACCEPTABLE, desc = "Both transfers done, no money lost or made.")
    @Outcome(                      expect = FORBIDDEN,  desc = "A balance update was lost: the two transfers read the same balance and one overwrote the other's write; A and B no longer hold 120 and 80.")
    @State
    public static class OppositeTransfers {
        final Account a = new Account(1, 100);
        final Account b = new Account(2, 100);

        @Actor
        public void aToB(IIII_Result r) {
            r.r1 = a.transferTo(b, 30) ? 1 : 0;
        }

        @Actor
        public void bToA(IIII_Result r) {
            r.r2 = b.transferTo(a, 50) ? 1 : 0;
        }

        @Arbiter
        public void arbiter(IIII_Result r) {
            r.r3 = a.balance();
            r.r4 = b.balance();
        }
    }

    @JCStressTest
    @Outcome(id = {"1, 0, 0, 100", "0, 1, 0, 100"}, expect = ACCEPTABLE, desc = "One withdrawal done, the other refused: the balance never went below 0.")
    @Outcome(id = "1, 1, -100, 200",                expect = FORBIDDEN,  desc = "Overdraft: both transfers passed the balance check before either took the money out.")
    @Outcome(                                       expect = FORBIDDEN,  desc = "Money lost or made: the balances do not add up to 100, or a transfer said one thing and did another.")
    @State
    public static class DoubleWithdrawal {
        final Account a = new Account(1, 100);
        final Account b = new Account(2, 0);

        @Actor
        public void first(IIII_Result r) {
            r.r1 = a.transferTo(b, 100) ? 1 : 0;
        }

        @Actor
        public void second(IIII_Result r) {
            r.r2 = a.transferTo(b, 100) ? 1 : 0;
        }

        @Arbiter
        public void arbiter(IIII_Result r) {
            r.r3 = a.balance();
            r.r4 = b.balance();
        }
    }
}
