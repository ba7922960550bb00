package org.racelab.harness.catalog;

import org.junit.jupiter.api.Test;

import org.racelab.harness.bundle.Meaning;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** racelab's catalog as the harness reads it: every case carries its lesson, and says racy or fixed. */
class TestCatalogTest {

    @Test
    void everyTestOfTheCatalogHasALessonAndAKnownKind() throws CatalogException {
        List<StressTest> tests = TestCatalog.builtIn().tests();
        assertFalse(tests.isEmpty());
        for (StressTest t : tests) {
            assertTrue(t.lesson().isPresent(), t.name() + " has no @Lesson on its case");
            assertFalse(t.lesson().get().notes().isBlank(), t.name());
            assertNotEquals(RaceKind.UNKNOWN, t.raceKind(), t.name() + ": its race outcome is neither "
                    + "ACCEPTABLE_INTERESTING (racy) nor FORBIDDEN (fixed)");
            assertTrue(t.name().startsWith("org.racelab.stress."), t.name());
            assertTrue(t.caseName().matches("[A-Z][A-Za-z]+_\\d\\d_[A-Za-z0-9]+"), t.caseName());
        }
    }

    @Test
    void everyCaseHasARacyAndAFixedVariantUnlessItHasNoRace() throws CatalogException {
        List<StressTest> tests = TestCatalog.builtIn().tests();
        for (String caseName : tests.stream().map(StressTest::caseName).distinct().toList()) {
            List<RaceKind> kinds = tests.stream().filter(t -> t.caseName().equals(caseName))
                    .map(StressTest::raceKind).distinct().toList();
            if (!kinds.contains(RaceKind.NO_RACE)) {
                assertTrue(kinds.contains(RaceKind.RACY) && kinds.contains(RaceKind.FIXED), caseName + ": " + kinds);
            }
        }
    }

    @Test
    void theLostUpdateIsRacyOnPlainIntAndItsRaceIsOne() throws CatalogException {
        StressTest plain = TestCatalog.builtIn().select("LostUpdate\\.Plain$").get(0);
        assertEquals(RaceKind.RACY, plain.raceKind());
        assertEquals(List.of("1"), plain.lesson().orElseThrow().race());
        assertEquals(2, plain.actors());
        assertEquals("Plain", plain.variant());
    }

    @Test
    void aUserSuiteWithoutLessonsIsReadAsItIs() throws CatalogException {
        TestCatalog fixtures = TestCatalog.open(Path.of("target", "test-classes"));
        StressTest forbidden = fixtures.select("AlwaysForbidden").get(0);
        assertTrue(forbidden.lesson().isEmpty());
        assertEquals(RaceKind.JCSTRESS, forbidden.raceKind());
        assertNull(forbidden.meaning(), "no rule grades an outcome ACCEPTABLE_INTERESTING: nothing to see");
        StressTest never = fixtures.select("Fixture_09_Interesting\\.Never").get(0);
        assertEquals(Meaning.INTERESTING, never.meaning(), "no lesson: JCStress's meaning");
        assertEquals(Expectation.FORBIDDEN, new OutcomeGrader(forbidden.rules()).ruleFor("1").expect());
        assertEquals("-", forbidden.variant());
    }

    @Test
    void selectionFindsLikeJCStressAndRefusesABadPattern() throws CatalogException {
        TestCatalog catalog = TestCatalog.builtIn();
        assertEquals(catalog.tests().size(), catalog.select("").size());
        assertTrue(catalog.select("NoSuchThing").isEmpty());
        assertThrows(CatalogException.class, () -> catalog.select("(["));
    }
}
