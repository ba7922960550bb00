package lab.bank;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a transfer does for one thread. */
class AccountTest {

    @Test
    void aTransferMovesTheMoney() {
        Account a = new Account(1, 100);
        Account b = new Account(2, 10);
        assertTrue(a.transferTo(b, 30), "100 covers a transfer of 30");
        assertEquals(70, a.balance(), "A after sending 30");
        assertEquals(40, b.balance(), "B after receiving 30");
    }

    @Test
    void theWholeBalanceMayBeMoved() {
        Account a = new Account(1, 100);
        Account b = new Account(2, 0);
        assertTrue(a.transferTo(b, 100), "100 covers a transfer of 100");
        assertEquals(0, a.balance());
        assertEquals(100, b.balance());
    }

    @Test
    void aTransferLargerThanTheBalanceIsRefusedAndChangesNothing() {
        Account a = new Account(1, 100);
        Account b = new Account(2, 5);
        assertFalse(a.transferTo(b, 101), "100 does not cover 101");
        assertEquals(100, a.balance(), "A unchanged after a refused transfer");
        assertEquals(5, b.balance(), "B unchanged after a refused transfer");
    }

    @Test
    void anAmountThatIsNotPositiveIsAnError() {
        Account a = new Account(1, 100);
        Account b = new Account(2, 0);
        assertThrows(IllegalArgumentException.class, () -> a.transferTo(b, 0), "amount 0");
        assertThrows(IllegalArgumentException.class, () -> a.transferTo(b, -5), "amount -5");
        assertEquals(100, a.balance(), "A unchanged");
        assertEquals(0, b.balance(), "B unchanged");
    }

    @Test
    void aTransferToTheSameAccountIsAnError() {
        Account a = new Account(1, 100);
        assertThrows(IllegalArgumentException.class, () -> a.transferTo(a, 10));
        assertEquals(100, a.balance(), "A unchanged");
    }

    @Test
    void manyTransfersBackAndForthKeepTheTotal() {
        Account a = new Account(1, 50);
        Account b = new Account(2, 50);
        for (int i = 0; i < 1000; i++) {
            a.transferTo(b, 7);
            b.transferTo(a, 3);
        }
        assertEquals(100, a.balance() + b.balance(), "no money lost or made");
        assertTrue(a.balance() >= 0 && b.balance() >= 0, "no overdraft: " + a.balance() + ", " + b.balance());
    }

    @Test
    void theIdIsKept() {
        assertEquals(42, new Account(42, 0).id());
    }
}
