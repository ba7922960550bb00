package org.racelab.stress;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a racy variant: the hardware on which a quick run is expected to catch the race.
 *
 * <p>The Java Memory Model allows more than a given CPU shows. Message passing with
 * plain fields, for example, is racy everywhere, yet x86_64's strong ordering
 * hides the reordering that AArch64 shows readily. The harness reports a racy variant
 * whose race was expected on this architecture but not seen, so a lab run that
 * quietly caught nothing does not pass for a lesson learned.
 *
 * <p>A racy variant without this annotation is racy by the rules, with no promise
 * that any hardware shows it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Observable {

    /** Architectures: {@code "x86_64"} (the JVM says {@code amd64} there) or {@code "aarch64"}. */
    String[] on();
}
