package lab.bank;

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

    // Locks only this account: a transfer in the other direction holds the other lock, and both
    // change both balances.
    public synchronized boolean transferTo(Account to, int amount) {
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
