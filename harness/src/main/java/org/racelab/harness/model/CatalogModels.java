package org.racelab.harness.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.racelab.harness.model.Step.END;

/**
 * The step models of racelab's catalog: for each test, its actors' steps as the notes would write
 * them. A Java statement that is one indivisible action ({@code incrementAndGet}, a CAS, a lock
 * taken) is one step; {@code i += 1} on a plain or volatile field is two, a read and a write,
 * which is the whole point of the lost update. A lock is a step that waits while another actor
 * holds it. {@code ModelsAgainstObservationTest} holds each model against what JCStress saw.
 */
public final class CatalogModels {

    private static final String ROOT = "org.racelab.stress.";

    private static final Map<String, Model> MODELS = new LinkedHashMap<>();

    static {
        lostUpdate();
        programOrder();
        messagePassing();
        storeBuffering();
        unsafePublication();
        noSharing();
        lazyInit();
        overdraft();
        spinLoop();
    }

    private CatalogModels() {
    }

    /** The model of a test by its JCStress name, if racelab has written one. */
    public static Optional<Model> of(String test) {
        return Optional.ofNullable(MODELS.get(test));
    }

    public static List<Model> all() {
        return List.copyOf(MODELS.values());
    }

    private static void add(Model m) {
        MODELS.put(m.test(), m);
    }

    private static ModelBuilder test(String caseAndVariant) {
        return new ModelBuilder(ROOT + caseAndVariant);
    }

    // ---- steps every model uses -----------------------------------------------------------

    /** {@code local = field}: a read, showing the value read. */
    private static Step read(String local, String field) {
        return Step.of(local + " = " + field + "  ({" + local + "})", s -> s.set(local, s.i(field)));
    }

    /** {@code field = local + 1}: the write half of {@code field += 1}. */
    private static Step writeIncremented(String field, String local) {
        return Step.of(field + " = " + local + " + 1  ({" + field + "})", s -> s.set(field, s.i(local) + 1));
    }

    private static Step assign(String field, int value) {
        return Step.of(field + " = " + value, s -> s.set(field, value));
    }

    /** {@code i.incrementAndGet()} and the like: read and write in one indivisible step. */
    private static Step atomicIncrement(String label, String field) {
        return Step.of(label + "  ({" + field + "})", s -> s.set(field, s.i(field) + 1));
    }

    /** Takes a lock (a monitor or a {@code ReentrantLock}): waits while another actor holds it. */
    private static Step lock(String lock, int owner) {
        return Step.when("lock " + lock, s -> s.s("lock:" + lock).isEmpty(), s -> s.set("lock:" + lock, "#" + owner));
    }

    private static Step unlock(String lock) {
        return Step.of("unlock " + lock, s -> s.set("lock:" + lock, ""));
    }

    private static String pair(State s, String r1, String r2) {
        return s.i(r1) + ", " + s.i(r2);
    }

    // ---- the cases -------------------------------------------------------------------------

    private static void lostUpdate() {
        String c = "interleaving.Interleaving_01_LostUpdate.";
        for (String v : List.of("Plain", "Volatile")) {
            add(test(c + v).field("i", 0).field("a", 0).field("b", 0)
                    .actor("actor1", read("a", "i"), writeIncremented("i", "a"))
                    .actor("actor2", read("b", "i"), writeIncremented("i", "b"))
                    .result(s -> String.valueOf(s.i("i"))));
        }
        String[][] atomics = {{"AtomicInteger", "i.incrementAndGet()"}, {"VarHandleGetAndAdd", "I.getAndAdd(this, 1)"},
                {"LongAdder", "i.increment()"}};
        for (String[] v : atomics) {
            add(test(c + v[0]).field("i", 0)
                    .actor("actor1", atomicIncrement(v[1], "i"))
                    .actor("actor2", atomicIncrement(v[1], "i"))
                    .result(s -> String.valueOf(s.i("i"))));
        }
        for (String[] v : new String[][]{{"Synchronized", "this"}, {"ReentrantLock", "lock"}}) {
            add(test(c + v[0]).field("i", 0).field("a", 0).field("b", 0)
                    .actor("actor1", lock(v[1], 1), read("a", "i"), writeIncremented("i", "a"), unlock(v[1]))
                    .actor("actor2", lock(v[1], 2), read("b", "i"), writeIncremented("i", "b"), unlock(v[1]))
                    .result(s -> String.valueOf(s.i("i"))));
        }
        ModelBuilder four = test(c + "PlainFourActors").field("i", 0);
        for (int a = 1; a <= 4; a++) {
            four.field("a" + a, 0).actor("actor" + a, read("a" + a, "i"), writeIncremented("i", "a" + a));
        }
        add(four.result(s -> String.valueOf(s.i("i"))));
    }

    private static void programOrder() {
        String c = "interleaving.Interleaving_02_ProgramOrder.";
        add(test(c + "StepByStep").field("log", "")
                .actor("taskA", append("A1"), append("A2"))
                .actor("taskB", append("B1"), append("B2"))
                .result(s -> s.s("log")));
        add(test(c + "TaskHoldsLock").field("log", "")
                .actor("taskA", lock("log", 1), append("A1"), append("A2"), unlock("log"))
                .actor("taskB", lock("log", 2), append("B1"), append("B2"), unlock("log"))
                .result(s -> s.s("log")));
    }

    private static Step append(String entry) {
        return Step.of("log.append(\"" + entry + "\")", s -> s.set("log", s.s("log").isEmpty() ? entry
                : s.s("log") + " " + entry));
    }

    private static void messagePassing() {
        String c = "communication.Communication_01_MessagePassing.";
        String why = "the reader's two loads, or the writer's two stores, were reordered (by the JIT, or by a CPU "
                + "that reorders them): with plain fields nothing forbids it";
        for (String v : List.of("Plain", "VolatileFlag", "ReleaseAcquire")) {
            ModelBuilder m = test(c + v).field("data", 0).field("flag", 0).field("r1", 0).field("r2", 0)
                    .actor("writer", assign("data", 1), assign("flag", 1))
                    .actor("reader", read("r1", "flag"), read("r2", "data"));
            if (v.equals("Plain")) {
                m.hardware("1, 0", why);
            }
            add(m.result(s -> pair(s, "r1", "r2")));
        }
        add(test(c + "BlockingQueueHandOff").field("channel", 0).field("m_data", 0).field("got", 0)
                .field("r1", 0).field("r2", 0)
                .actor("writer", assign("m_data", 1),
                        Step.of("channel.offer(m)", s -> s.set("channel", 1)))
                .actor("reader",
                        Step.branch("m = channel.poll()  ({got})", s -> {
                            s.set("got", s.i("channel"));
                            s.set("channel", 0);
                        }, (s, pc) -> s.i("got") == 1 ? pc + 1 : END),
                        Step.of("r1 = 1; r2 = m.data  ({r2})", s -> {
                            s.set("r1", 1);
                            s.set("r2", s.i("m_data"));
                        }))
                .result(s -> pair(s, "r1", "r2")));
    }

    private static void storeBuffering() {
        String c = "communication.Communication_02_StoreBuffering.";
        for (String v : List.of("Plain", "Volatile")) {
            ModelBuilder m = test(c + v).field("x", 0).field("y", 0).field("r1", 0).field("r2", 0)
                    .actor("actor1", assign("x", 1), read("r1", "y"))
                    .actor("actor2", assign("y", 1), read("r2", "x"));
            if (v.equals("Plain")) {
                m.hardware("0, 0", "each CPU's store waited in its store buffer while its load went ahead "
                        + "and read the other's variable from memory: store-load reordering, allowed even on x86");
            }
            add(m.result(s -> pair(s, "r1", "r2")));
        }
    }

    private static void unsafePublication() {
        String c = "communication.Communication_03_UnsafePublication.";
        for (String v : List.of("Unsafe", "FinalFields")) {
            ModelBuilder m = test(c + v).field("shared", 0).field("p", 0).field("r1", 0);
            List<Step> publisher = new ArrayList<>();
            publisher.add(Step.of("p = new Point()", s -> { }));
            for (String f : List.of("a", "b", "c", "d")) {
                m.field("p_" + f, 0);
                publisher.add(assign("p_" + f, 1));
            }
            publisher.add(Step.of("shared = p", s -> s.set("shared", 1)));
            m.actor("publisher", publisher.toArray(Step[]::new))
                    .actor("consumer", Step.of("r1 = shared == null ? -1 : p.a + p.b + p.c + p.d  ({r1})", s ->
                            s.set("r1", s.i("shared") == 0 ? -1 : s.i("p_a") + s.i("p_b") + s.i("p_c") + s.i("p_d"))));
            if (v.equals("Unsafe")) {
                for (String partial : List.of("0", "1", "2", "3")) {
                    m.hardware(partial, "the reference was published before the constructor's stores were seen: "
                            + "plain stores may be reordered with the store of the reference");
                }
            }
            add(m.result(s -> String.valueOf(s.i("r1"))));
        }
    }

    private static void noSharing() {
        ModelBuilder m = test("confinement.Confinement_01_NoSharing.OwnData").field("mine1", 0).field("mine2", 0);
        for (int a = 1; a <= 2; a++) {
            String f = "mine" + a;
            List<Step> steps = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                steps.add(Step.of(f + " += 1  ({" + f + "})", s -> s.set(f, s.i(f) + 1)));
            }
            m.actor("actor" + a, steps.toArray(Step[]::new));
        }
        add(m.result(s -> pair(s, "mine1", "mine2")));
    }

    private static void lazyInit() {
        String c = "racecondition.RaceCondition_01_LazyInit.";
        // An object is a number: actor k's new Object() is k.
        add(test(c + "Racy").field("instance", 0).field("seen1", 0).field("seen2", 0).field("got1", 0).field("got2", 0)
                .actor("actor1", checkNull(1), create(1), Step.of("got1 = instance  ({got1})", s -> s.set("got1", s.i("instance"))))
                .actor("actor2", checkNull(2), create(2), Step.of("got2 = instance  ({got2})", s -> s.set("got2", s.i("instance"))))
                .result(CatalogModels::sameInstance));
        add(test(c + "Synchronized").field("instance", 0).field("seen1", 0).field("seen2", 0).field("got1", 0)
                .field("got2", 0)
                .actor("actor1", lock("this", 1), checkNull(1), create(1),
                        Step.of("got1 = instance  ({got1})", s -> s.set("got1", s.i("instance"))), unlock("this"))
                .actor("actor2", lock("this", 2), checkNull(2), create(2),
                        Step.of("got2 = instance  ({got2})", s -> s.set("got2", s.i("instance"))), unlock("this"))
                .result(CatalogModels::sameInstance));
        add(test(c + "CompareAndSet").field("instance", 0).field("seen1", 0).field("seen2", 0).field("got1", 0)
                .field("got2", 0)
                .actor("actor1", casSteps(1))
                .actor("actor2", casSteps(2))
                .result(CatalogModels::sameInstance));
    }

    private static Step checkNull(int k) {
        String seen = "seen" + k;
        return Step.branch("if (instance == null)  (instance " + "{" + seen + "})", s -> s.set(seen, s.i("instance")),
                (s, pc) -> s.i(seen) == 0 ? pc + 1 : pc + 2);
    }

    private static Step create(int k) {
        return Step.of("instance = new Object()  (#" + k + ")", s -> s.set("instance", k));
    }

    private static Step[] casSteps(int k) {
        String seen = "seen" + k;
        String got = "got" + k;
        return new Step[]{
                Step.branch("current = instance.get()  ({" + seen + "})", s -> s.set(seen, s.i("instance")),
                        (s, pc) -> s.i(seen) == 0 ? pc + 1 : pc + 2),
                Step.branch("instance.compareAndSet(null, #" + k + ")  ({" + got + "})", s -> {
                    boolean won = s.i("instance") == 0;
                    if (won) {
                        s.set("instance", k);
                    }
                    s.set(got, won ? k : s.i("instance"));
                }, (s, pc) -> END),
                Step.of(got + " = current  ({" + got + "})", s -> s.set(got, s.i(seen)))};
    }

    private static String sameInstance(State s) {
        return s.i("got1") == s.i("got2") ? "1" : "2";
    }

    private static void overdraft() {
        String c = "racecondition.RaceCondition_02_Overdraft.";
        add(test(c + "CheckThenAct").field("balance", 100).field("paid1", 0).field("paid2", 0)
                .field("b1", 0).field("b2", 0)
                .actor("actor1", checkThenAct(1, false))
                .actor("actor2", checkThenAct(2, false))
                .result(CatalogModels::balanceAndPaid));
        add(test(c + "Synchronized").field("balance", 100).field("paid1", 0).field("paid2", 0)
                .field("b1", 0).field("b2", 0)
                .actor("actor1", checkThenAct(1, true))
                .actor("actor2", checkThenAct(2, true))
                .result(CatalogModels::balanceAndPaid));
        add(test(c + "AtomicCompareAndSet").field("balance", 100).field("paid1", 0).field("paid2", 0)
                .field("seen1", 0).field("seen2", 0)
                .actor("actor1", casWithdraw(1))
                .actor("actor2", casWithdraw(2))
                .result(CatalogModels::balanceAndPaid));
    }

    /** {@code if (balance >= 100) { balance -= 100; paid = true; }}, optionally inside a lock. */
    private static Step[] checkThenAct(int k, boolean locked) {
        String b = "b" + k;
        List<Step> steps = new ArrayList<>();
        if (locked) {
            steps.add(lock("this", k));
        }
        int end = locked ? 4 : 3;
        steps.add(Step.branch("if (balance >= 100)  (balance {" + b + "})", s -> s.set(b, s.i("balance")),
                (s, pc) -> s.i(b) >= 100 ? pc + 1 : end + (locked ? 0 : END - end)));
        steps.add(read(b, "balance"));
        steps.add(Step.of("balance = " + b + " - 100; paid" + k + " = true  ({balance})", s -> {
            s.set("balance", s.i(b) - 100);
            s.set("paid" + k, 1);
        }));
        if (locked) {
            steps.add(unlock("this"));
        }
        return steps.toArray(Step[]::new);
    }

    private static Step[] casWithdraw(int k) {
        String seen = "seen" + k;
        return new Step[]{
                Step.branch("seen = balance.get()  ({" + seen + "})", s -> s.set(seen, s.i("balance")),
                        (s, pc) -> s.i(seen) < 100 ? END : pc + 1),
                Step.branch("balance.compareAndSet(seen, seen - 100)  ({balance})", s -> {
                    if (s.i("balance") == s.i(seen)) {
                        s.set("balance", s.i(seen) - 100);
                        s.set("paid" + k, 1);
                    }
                }, (s, pc) -> s.i("paid" + k) == 1 ? END : 0)};
    }

    private static String balanceAndPaid(State s) {
        return s.i("balance") + ", " + (s.i("paid1") + s.i("paid2"));
    }

    private static void spinLoop() {
        String c = "visibility.Visibility_01_SpinLoop.";
        for (String v : List.of("PlainFlag", "VolatileFlag", "OpaqueFlag")) {
            ModelBuilder m = test(c + v).field("stop", 0)
                    .actor("spinner", Step.branch("while (!stop)  (stop {stop})", s -> { },
                            (s, pc) -> s.i("stop") == 1 ? END : pc))
                    .actor("signal", assign("stop", 1));
            if (v.equals("PlainFlag")) {
                m.hardware("STALE", "the JIT hoisted the plain read of stop out of the loop: the loop reads it "
                        + "once and never again, which no interleaving can do");
            }
            // JCStress's termination mode: the outcome is whether the spinner ended.
            add(m.result(s -> "TERMINATED"));
        }
    }
}
