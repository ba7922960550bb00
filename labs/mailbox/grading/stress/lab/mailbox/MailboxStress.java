package lab.mailbox;

import org.openjdk.jcstress.annotations.*;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.I_Result;
import org.racelab.stress.Lesson;
import org.racelab.stress.NotesTopic;

import static org.openjdk.jcstress.annotations.Expect.*;

/*
    The notes say:  Races occur due to communication

    A mailbox is communication in its plainest form: one thread hands a value to another. The
    taker must wait until there is something to take, and when it takes it, it must see the
    value that was put, not an older one and not nothing.

    HandOff: the mailbox has already carried one letter, 1, which was taken (so its slot once
    held 1). Then one thread puts 2 while the other takes. The taker must get 2.
      "-1" (null) is FORBIDDEN: take() returned with nothing. It did not wait for the put, or
           it saw the slot marked full before the value was in it (the flag was raised before
           the value was written: nothing orders the value's write before the reader's read).
      "1"  is FORBIDDEN: stale, the letter of an earlier put, delivered again.

    TwoLetters: one thread puts 1 and then 2; the other takes twice. The taker must get
    "1, 2". Anything else is FORBIDDEN: a letter was lost (the second put did not wait for the
    slot to be emptied), duplicated, or taken before it was there.

    Both tests have one putter and one taker. The mistakes that need two of each (an if
    instead of a while around wait(), notify() instead of notifyAll()) are caught by
    MailboxThreadsTest, which runs two producers and two consumers: JCStress would need four
    CPUs for four actors and leaves such a test out on two.
 */
@Lesson(topic = NotesTopic.RACE_CONDITIONS,
        notes = "Races occur due to communication",
        claim = "A value handed from one thread to another arrives whole and fresh only if the taker waits for it and the hand-off orders the value's write before the read.",
        race = {})
public class MailboxStress {

    @JCStressTest
    @Outcome(id = "2",  expect = ACCEPTABLE, desc = "The taker got the letter that was put.")
    @Outcome(id = "-1", expect = FORBIDDEN,  desc = "take() returned nothing: it did not wait for the put, or saw the slot full before the value was in it.")
    @Outcome(id = "1",  expect = FORBIDDEN,  desc = "Stale: take() returned an earlier letter that had already been taken.")
    @Outcome(           expect = FORBIDDEN,  desc = "take() returned a value nobody put.")
    @State
    public static class HandOff {
        final Mailbox<Integer> box = new Mailbox<>();

        public HandOff() {
            put(box, 1);
            take(box);
        }

        @Actor
        public void putter() {
            put(box, 2);
        }

        @Actor
        public void taker(I_Result r) {
            r.r1 = take(box);
        }
    }

    @JCStressTest
    @Outcome(id = "1, 2", expect = ACCEPTABLE, desc = "Both letters, in order.")
    @Outcome(             expect = FORBIDDEN,  desc = "A letter lost, duplicated, or taken before it was there: put() did not wait for the slot to be emptied, or take() did not wait for a letter (-1 is null).")
    @State
    public static class TwoLetters {
        final Mailbox<Integer> box = new Mailbox<>();

        @Actor
        public void putter() {
            put(box, 1);
            put(box, 2);
        }

        @Actor
        public void taker(II_Result r) {
            r.r1 = take(box);
            r.r2 = take(box);
        }
    }

    // JCStress actors may not throw checked exceptions; nothing interrupts these threads.
    static void put(Mailbox<Integer> box, int v) {
        try {
            box.put(v);
        } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted in put()", e);
        }
    }

    /** The value taken, or -1 for null. */
    static int take(Mailbox<Integer> box) {
        try {
            Integer v = box.take();
            return v == null ? -1 : v;
        } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted in take()", e);
        }
    }
}
