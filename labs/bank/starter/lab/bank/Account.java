package lab.bank;

/**
 * A bank account that other threads transfer money into and out of, all at once.
 *
 * As handed out it is right for one thread only: nothing stops two transfers from reading
 * the same balance, and nothing stops two withdrawals from both passing the balance check.
 * Make transferTo safe: no overdraft, no money lost or made, and no deadlock when one thread
 * transfers from A to B while another transfers from B to A.
 */
public class Account {

    private final int id;
    private int balance;

    /** An account with a unique id (you may use it to order locks) and an opening balance. */
    public Account(int id, int balance) {
        this.id = id;
        this.balance = balance;
    }

    /** This account's unique id. */
    public int id() {
        return id;
    }

    /** The balance now. */
    public int balance() {
        return balance;
    }

    /**
     * Moves {@code amount} from this account to {@code to} if this account holds at least
     * {@code amount}, and returns true; otherwise changes nothing and returns false.
     *
     * @throws IllegalArgumentException if amount is not positive or {@code to} is this account
     */
    public boolean transferTo(Account to, int amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (to == this) {
            throw new IllegalArgumentException("a transfer needs two different accounts");
        }
        if (balance < amount) {
            return false;
        }
        balance -= amount;
        to.balance += amount;
        return true;
    }
}
