/**
 * The case catalog: the race cases of the lecture notes as JCStress tests.
 *
 * <p>One subpackage per topic of the notes. A case is one file named
 * {@code Topic_NN_What}, whose outer class carries a {@link org.racelab.stress.Lesson}
 * and whose nested static classes are the variants, each a {@code @JCStressTest}:
 * the racy variants grade the race outcome {@code ACCEPTABLE_INTERESTING}, the
 * fixed ones grade it {@code FORBIDDEN}. The harness reads the lessons at run time,
 * and JCStress's own {@code META-INF/TestList} for the outcomes, so each case is
 * written down once.
 */
package org.racelab.stress;
