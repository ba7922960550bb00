package org.racelab.harness.run;

/** racelab's version, from the jar's manifest (absent when running from classes, e.g. in tests). */
public final class Version {

    private Version() {
    }

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
