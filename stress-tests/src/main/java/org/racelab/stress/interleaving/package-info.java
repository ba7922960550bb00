/**
 * Interleavings: what the notes call "Interleavings", as JCStress cases.
 *
 * <p>A line of source is several steps for the machine ({@code i += 1} reads, adds and
 * writes), and the scheduler, or a second core, may put another thread's steps between
 * them. The cases here show the two facts the notes draw from that: the steps of one task
 * keep their program order, and the steps of two tasks mix in an order nobody chose.
 *
 * <p>Each case pairs a racy variant, which lets the steps of two threads mix, with the
 * usual ways of stopping it: an atomic instruction ({@code AtomicInteger}, {@code VarHandle}),
 * mutual exclusion ({@code synchronized}, {@code ReentrantLock}), or giving each thread its
 * own cell ({@code LongAdder}). They are kept side by side in one file so that the
 * difference between racy and fixed is one glance, not one search. The cases stay on
 * outcomes that any multicore machine shows, so a lab run on x86_64 sees what AArch64 sees;
 * reordering by a weak memory model is a topic of its own.
 */
package org.racelab.stress.interleaving;
