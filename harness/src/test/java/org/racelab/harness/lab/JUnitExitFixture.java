package org.racelab.harness.lab;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A grading suite whose second test ends its JVM, as a submission's {@code System.exit} would: run
 * only in a child JVM by {@link JUnitRunTest} (its name keeps it out of the build's own test run).
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
public class JUnitExitFixture {

    @Test
    void a() {
    }

    @Test
    void b() {
        System.exit(3);
    }

    @Test
    void c() {
    }

    @Test
    void d() {
    }
}
