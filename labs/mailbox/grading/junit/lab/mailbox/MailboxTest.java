package lab.mailbox;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the mailbox does for one thread (which never has to wait). */
class MailboxTest {

    @Test
    void takeReturnsWhatWasPut() throws InterruptedException {
        Mailbox<String> box = new Mailbox<>();
        String letter = new String("hello");
        box.put(letter);
        assertSame(letter, box.take(), "take() must return the very object that was put");
    }

    @Test
    void theSlotCanBeUsedAgainAndAgain() throws InterruptedException {
        Mailbox<Integer> box = new Mailbox<>();
        for (int i = 0; i < 1000; i++) {
            Integer v = i;
            box.put(v);
            assertSame(v, box.take(), "letter " + i);
        }
    }

    @Test
    void nullIsNotALetter() {
        Mailbox<String> box = new Mailbox<>();
        assertThrows(NullPointerException.class, () -> box.put(null));
    }
}
