package lab.bank;

/**
 * A bank account that is safe under concurrent transfers. A transfer holds the locks of both
 * accounts while it checks and moves the money, so the check and the move are one step to any
 * other transfer; the two locks are always taken in the order of the accounts' ids, so two
 * transfers in opposite directions ask for them in the same order and cannot each hold the
 * lock the other waits for.
 */
public class Account {

    private final int id;
    private int balance;

    public Account(int id, int balance) {
        this.id = id;
        this.balance = balance;
    }

    public int id() {
        return id;
    }

    public synchronized int balance() {
        return balance;
    }

    public boolean transferTo(Account to, int amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (to == this) {
            throw new IllegalArgumentException("a transfer needs two different accounts");
        }
        Account first = id < to.id ? this : to;
        Account second = first == this ? to : this;
        synchronized (first) {
            synchronized (second) {
                if (balance < amount) {
                    return false;
                }
                balance -= amount;
                to.balance += amount;
                return true;
            }
        }
    }
}
