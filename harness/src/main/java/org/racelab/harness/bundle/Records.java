package org.racelab.harness.bundle;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the bundle's records normalise what they are given, once, in their compact constructors:
 * a missing list is an empty one and holds no nulls (the reader says what it dropped), so no
 * reader of a record checks for either again.
 */
final class Records {

    private Records() {
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    /** A name or label that racelab always writes; a file that left it out shows "-". */
    static String text(String s) {
        return s == null ? "-" : s;
    }

    /** At most {@code max} characters of a string from a file, for a message about it. */
    static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 3)) + "...";
    }

    static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
