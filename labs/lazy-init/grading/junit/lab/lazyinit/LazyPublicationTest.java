package lab.lazyinit;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/*
    Double-checked locking without volatile is too rare to catch by stress on x86_64 (see
    LazyStress.SafePublication and task.md), so this test looks for the mistake itself, in the
    compiled class: a thread that reads a field WITHOUT holding a lock sees a safely published
    object only if the field is volatile or final (Java Memory Model: the volatile write/read
    pair, or the final-field guarantee, is the happens-before edge the reader needs).

    How: it disassembles Lazy with the JDK's javap (the ToolProvider "javap", in every JDK), and
    follows each method's control flow, counting the locks held at each instruction:
    monitorenter/monitorexit (synchronized blocks), a synchronized method, and
    Lock.lock()/unlock() calls. A getfield of one of Lazy's own fields that is neither
    volatile nor final, at an instruction some path reaches holding no lock, is the mistake.
    Constructors are left out: nobody else can see the object yet.
 */
class LazyPublicationTest {

    private static final Pattern INSTRUCTION = Pattern.compile("^\\s+(\\d+): (\\w+)\\s*(.*)$");
    private static final Pattern SWITCH_CASE = Pattern.compile("^\\s+(?:-?\\d+|default): (\\d+)$");
    private static final Pattern HANDLER = Pattern.compile("^\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+\\S+.*$");
    private static final Pattern FIELD = Pattern.compile("// Field (\\w+):");

    @Test
    void everyFieldReadOutsideALockIsVolatileOrFinal() throws Exception {
        Set<String> unsafe = new TreeSet<>();
        for (Field f : Lazy.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (!Modifier.isStatic(m) && !Modifier.isFinal(m) && !Modifier.isVolatile(m)) {
                unsafe.add(f.getName());
            }
        }
        if (unsafe.isEmpty()) {
            return; // every field is volatile or final: any read of it is safe
        }
        List<String> found = readsOutsideALock(unsafe);
        if (!found.isEmpty()) {
            fail("unsafe publication: " + String.join("; ", found) + ". A thread that reads a field without"
                    + " holding the lock may see the object before the factory's writes into it (double-checked"
                    + " locking without volatile); make the field volatile, or read it only under the lock");
        }
    }

    /** The checker itself must find the classic mistake, or it would pass everything silently. */
    @Test
    void theCheckerFindsAReadOutsideTheLock() throws Exception {
        List<String> found = readsOutsideALock(Set.of("plain"), Canary.class);
        assertEquals(1, found.size(), "the bytecode check must find exactly the unlocked read in Canary: " + found);
        assertTrue(found.get(0).contains("get"), found.get(0));
    }

    /** Double-checked locking without volatile: one read outside the lock (the other is inside). */
    static final class Canary {
        Object plain;

        Object get() {
            Object v = plain;
            if (v == null) {
                synchronized (this) {
                    if (plain == null) {
                        plain = new Object();
                    }
                    return plain;
                }
            }
            return v;
        }
    }

    private static List<String> readsOutsideALock(Set<String> fields) throws Exception {
        return readsOutsideALock(fields, Lazy.class);
    }

    private static List<String> readsOutsideALock(Set<String> fields, Class<?> type) throws Exception {
        ToolProvider javap = ToolProvider.findFirst("javap").orElse(null);
        if (javap == null) {
            fail("this check needs the JDK's javap (jdk.jdeps); grade with a JDK, not a JRE");
        }
        String where = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        StringWriter out = new StringWriter();
        int rc = javap.run(new PrintWriter(out), new PrintWriter(out), "-c", "-p", "-cp", where, type.getName());
        assertEquals(0, rc, "javap could not read " + type.getName() + ": " + out);
        List<String> found = new ArrayList<>();
        for (MethodCode m : methods(out.toString())) {
            if (m.name.contains("<init>") || m.name.contains(type.getSimpleName() + "(")) {
                continue;
            }
            found.addAll(m.unlockedReads(fields));
        }
        return found;
    }

    /** One method of javap -c output: its instructions by offset, branch targets, handlers. */
    private static final class MethodCode {
        final String name;
        final boolean synchronizedMethod;
        final List<Integer> order = new ArrayList<>();
        final Map<Integer, String> op = new HashMap<>();
        final Map<Integer, String> args = new HashMap<>();
        final Map<Integer, List<Integer>> targets = new HashMap<>();
        final List<int[]> handlers = new ArrayList<>();

        MethodCode(String header) {
            this.name = header.strip();
            this.synchronizedMethod = (" " + name).contains(" synchronized ");
        }

        List<String> unlockedReads(Set<String> fields) {
            if (order.isEmpty()) {
                return List.of();
            }
            Map<Integer, Integer> depth = new HashMap<>();
            Deque<Integer> work = new ArrayDeque<>();
            int entry = order.get(0);
            depth.put(entry, synchronizedMethod ? 1 : 0);
            work.add(entry);
            while (!work.isEmpty()) {
                int at = work.poll();
                int d = depth.get(at);
                String o = op.get(at);
                String a = args.getOrDefault(at, "");
                int after = d;
                if (o.equals("monitorenter") || isCall(o) && a.matches(".*[Ll]ock\\.(lock|lockInterruptibly):\\(\\)V.*")) {
                    after = d + 1;
                } else if (o.equals("monitorexit") || isCall(o) && a.matches(".*[Ll]ock\\.unlock:\\(\\)V.*")) {
                    after = Math.max(0, d - 1);
                }
                List<Integer> next = new ArrayList<>(targets.getOrDefault(at, List.of()));
                boolean ends = o.endsWith("return") || o.equals("athrow") || o.startsWith("goto")
                        || o.equals("tableswitch") || o.equals("lookupswitch");
                int idx = order.indexOf(at);
                if (!ends && idx + 1 < order.size()) {
                    next.add(order.get(idx + 1));
                }
                for (int n : next) {
                    flow(depth, work, n, after);
                }
                for (int[] h : handlers) {
                    if (at >= h[0] && at < h[1]) {
                        flow(depth, work, h[2], d);
                    }
                }
            }
            List<String> found = new ArrayList<>();
            for (int at : order) {
                if (op.get(at).equals("getfield") && depth.containsKey(at) && depth.get(at) == 0) {
                    Matcher f = FIELD.matcher(args.get(at));
                    if (f.find() && fields.contains(f.group(1))) {
                        found.add(name.replaceAll("\\s*;$", "") + " reads field '" + f.group(1)
                                + "' without holding a lock (bytecode " + at + "), and the field is neither volatile nor final");
                    }
                }
            }
            return found;
        }

        private static boolean isCall(String o) {
            return o.startsWith("invoke");
        }

        /** Reached with d locks held: keep the fewest any path holds there (the unsafe case). */
        private static void flow(Map<Integer, Integer> depth, Deque<Integer> work, int at, int d) {
            Integer had = depth.get(at);
            if (had == null || d < had) {
                depth.put(at, d);
                work.add(at);
            }
        }
    }

    private static List<MethodCode> methods(String javap) {
        List<MethodCode> methods = new ArrayList<>();
        MethodCode m = null;
        boolean inHandlers = false;
        int lastSwitch = -1;
        for (String line : javap.split("\\R")) {
            Matcher ins = INSTRUCTION.matcher(line);
            Matcher sw = SWITCH_CASE.matcher(line);
            Matcher h = HANDLER.matcher(line);
            if (line.startsWith("  ") && !line.startsWith("   ") && line.strip().endsWith(";")) {
                m = new MethodCode(line);
                methods.add(m);
                inHandlers = false;
            } else if (m == null) {
                continue;
            } else if (line.strip().startsWith("Exception table:")) {
                inHandlers = true;
            } else if (inHandlers && h.matches()) {
                m.handlers.add(new int[] {Integer.parseInt(h.group(1)), Integer.parseInt(h.group(2)),
                        Integer.parseInt(h.group(3))});
            } else if (lastSwitch >= 0 && sw.matches()) {
                m.targets.computeIfAbsent(lastSwitch, k -> new ArrayList<>()).add(Integer.parseInt(sw.group(1)));
            } else if (ins.matches()) {
                int at = Integer.parseInt(ins.group(1));
                String o = ins.group(2);
                String rest = ins.group(3);
                m.order.add(at);
                m.op.put(at, o);
                m.args.put(at, rest);
                lastSwitch = o.endsWith("switch") ? at : -1;
                if ((o.startsWith("if") || o.startsWith("goto") || o.equals("jsr")) && rest.matches("\\d+.*")) {
                    m.targets.computeIfAbsent(at, k -> new ArrayList<>()).add(Integer.parseInt(rest.split("\\s+")[0]));
                }
            } else if (line.strip().equals("}") && lastSwitch >= 0) {
                lastSwitch = -1;
            }
        }
        return methods;
    }
}
