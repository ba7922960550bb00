package org.racelab.stress;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Ties a case of the catalog to the lecture notes.
 *
 * <p>Put it on the outer class of a case; its nested classes are the variants
 * (each one a {@code @JCStressTest}). The harness reads it at run time, so the
 * case file is the only place a lesson is written down. A variant whose race shows
 * in other outcomes (say, one with more actors) carries a {@code @Lesson} of its own,
 * which wins over the case's.
 *
 * <p>Whether a variant is racy or fixed is not written here again: it follows
 * from how the variant's {@code @Outcome}s grade the {@link #race()} outcomes
 * ({@code ACCEPTABLE_INTERESTING}: racy, {@code FORBIDDEN}: fixed).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Lesson {

    /** The heading of the notes this case belongs to. */
    NotesTopic topic();

    /** The sentence of the notes the case demonstrates, quoted. */
    String notes();

    /** The claim the case tests, in one line. */
    String claim();

    /**
     * The outcome ids (as JCStress prints them, e.g. {@code "1"} or {@code "1, 0"})
     * that are the race. Empty for a case that has no race to show.
     */
    String[] race() default {};
}
