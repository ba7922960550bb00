package org.racelab.bench.counter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/** One shared counter, five ways to add one to it. Only {@code plain} can lose updates. */
abstract class Counter {

    abstract void increment();

    abstract long value();

    static Counter of(String kind) {
        return switch (kind) {
            case "plain" -> new Plain();
            case "synchronized" -> new Synchronized();
            case "ReentrantLock" -> new Locked();
            case "AtomicInteger" -> new Atomic();
            case "LongAdder" -> new Adder();
            default -> throw new IllegalArgumentException("unknown counter: " + kind);
        };
    }

    /**
     * {@code value++} with no atomicity: a read, then a write. The accesses are opaque, which on
     * x86_64 and AArch64 compiles to the same plain loads and stores, but forbids the JIT from
     * keeping the counter in a register for the whole loop and writing it once at the end
     * (the loop optimisation trap: that would measure nothing and lose almost every update).
     */
    private static final class Plain extends Counter {
        private static final VarHandle VALUE;

        static {
            try {
                VALUE = MethodHandles.lookup().findVarHandle(Plain.class, "value", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private int value;

        @Override
        void increment() {
            VALUE.setOpaque(this, (int) VALUE.getOpaque(this) + 1);
        }

        @Override
        long value() {
            return (int) VALUE.getVolatile(this);
        }
    }

    private static final class Synchronized extends Counter {
        private int value;

        @Override
        synchronized void increment() {
            value++;
        }

        @Override
        synchronized long value() {
            return value;
        }
    }

    private static final class Locked extends Counter {
        private final ReentrantLock lock = new ReentrantLock();
        private int value;

        @Override
        void increment() {
            lock.lock();
            try {
                value++;
            } finally {
                lock.unlock();
            }
        }

        @Override
        long value() {
            lock.lock();
            try {
                return value;
            } finally {
                lock.unlock();
            }
        }
    }

    private static final class Atomic extends Counter {
        private final AtomicInteger value = new AtomicInteger();

        @Override
        void increment() {
            value.incrementAndGet();
        }

        @Override
        long value() {
            return value.get();
        }
    }

    private static final class Adder extends Counter {
        private final LongAdder value = new LongAdder();

        @Override
        void increment() {
            value.increment();
        }

        @Override
        long value() {
            return value.sum();
        }
    }
}
