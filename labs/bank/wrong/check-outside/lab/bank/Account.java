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

    public boolean transferTo(Account to, int amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (to == this) {
            throw new IllegalArgumentException("a transfer needs two different accounts");
        }
        if (balance < amount) {          // checked before the locks are taken
            return false;
        }
        Account first = id < to.id ? this : to;
        Account second = first == this ? to : this;
        synchronized (first) {
            synchronized (second) {
                balance -= amount;
                to.balance += amount;
                return true;
            }
        }
    }
}
