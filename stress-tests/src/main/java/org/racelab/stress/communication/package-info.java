/**
 * Communication: the ways two threads pass values to each other, and how each one races.
 *
 * <p>Each case is one small protocol of the notes' sentence "Races occur due to
 * communication": a flag that says data is ready (message passing), two flags raised at
 * once (store buffering, Dekker), a reference to a new object (publication). Each has a
 * {@code Plain} variant that communicates through plain fields and races, and variants
 * that fix it with the weakest tool that is enough: volatile, release/acquire through a
 * {@code VarHandle}, final fields, or a {@code BlockingQueue} that carries the data itself,
 * the Go way of sharing memory by communicating.
 *
 * <p>Design: the race outcome of each case is the one no interleaving of the source can
 * produce (flag seen but data stale; both flags missed; a half-built object), so a count
 * in that row is a reordering, by the JIT or by the CPU, never just bad timing. The fixed
 * variants grade that row {@code FORBIDDEN} and keep every other row of the racy one, so the
 * tables of a case line up row for row. Whether x86_64 shows a race is written down per
 * variant with {@link org.racelab.stress.Observable}, from a measured run, because the
 * same case behaves very differently on x86_64 (TSO) and AArch64.
 */
package org.racelab.stress.communication;
