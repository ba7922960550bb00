package org.racelab.harness.bundle;

/**
 * Every bound racelab puts on what a bundle from another machine may make it do, in one place
 * (README.md, "Bundles are untrusted input", lists them). The reader refuses a bundle past the
 * first group with one line; the pages shorten what is past the second group and say so, so a
 * bundle at the size limit gives a page of bounded size in bounded memory (a 32 MiB bundle is
 * read and reported within a 1 GiB heap: {@code HugeBundleTest}).
 */
public final class Limits {

    // ---- refused by BundleReader, one line, exit 2

    /** The largest bundle read; a quick run's bundle is well under 1 MiB. */
    public static final int BUNDLE_MEGABYTES = 32;
    /** The longest string in a bundle, in characters. */
    public static final int STRING_CHARS = 100_000;
    /** How deep objects and lists may nest. */
    public static final int DEPTH = 40;
    /** The longest number, in digits. */
    public static final int NUMBER_DIGITS = 40;
    /**
     * JSON tokens in one bundle (each field name, value, and start or end of an object or list).
     * A real bundle has about one token per 8 bytes, so a 32 MiB one of real shape has about
     * 4.5 million; a file of empty objects ({@code [{},{},...]}) would have 22 million, each a
     * node in memory.
     */
    public static final int TOKENS = 6_000_000;
    /**
     * Tests in one section (stress, vrace). The catalog has 28; a JCStress suite of a few
     * thousand tests fits.
     */
    public static final int TESTS = 20_000;

    // ---- shortened in the pages, with a note saying what was left out

    /** Lesson cards drawn in full (outcome table, vrace cells); the tests past them get one line each. */
    public static final int FULL_CARDS = 500;
    /** Outcome histograms (SVG) in one page. */
    public static final int CHARTS = 100;
    /** Lanes (threads, carriers, runs) of one scheduling chart; the rest are counted in a subtitle. */
    public static final int CHART_LANES = 64;
    /** Blocks (segments, progress steps) of one lane or run of a scheduling chart. */
    public static final int CHART_BLOCKS = 20_000;
    /** Outcome rows (and histogram bars) per test in a page; the rest are summed in one row. */
    public static final int OUTCOME_ROWS = 40;
    /** Runs per vrace test (platform, 1..N carriers) shown on its card. */
    public static final int VRACE_CELLS = 16;
    /** Benchmark comparisons in a page (a full suite has 29). */
    public static final int BENCH_ROWS = 2_000;
    /** Characters of one string from a bundle shown in a page, on a terminal or in junit.xml. */
    public static final int SHOWN_CHARS = 500;
    /** Test cases listed per junit.xml suite; failures and errors are always listed, past it too. */
    public static final int JUNIT_CASES = 20_000;
    /** Lines saying what the reader cleaned; past them, one line counts the rest. */
    public static final int CLEANED_LINES = 20;

    // ---- compare

    /** Rows (test and configuration) in one comparison, in the bundles' order; the rest are counted. */
    public static final int COMPARE_ROWS = 20_000;
    /**
     * Bundles in one compare, named or found in folders: a class of 300 laptops with room to spare.
     * Each bundle read is held while the comparison is made; {@link #COMPARE_MEGABYTES} bounds them all.
     */
    public static final int BUNDLES_PER_COMPARE = 1_000;
    /**
     * Bundle files one compare reads, in MiB, all together: 500 bundles of a run are 125 MiB, and
     * what is read is held in memory while the comparison is made: 180 MiB live for those 500,
     * 807 MiB for six 28.5 MiB bundles of 20,000 tests each (the worst shape tried), under 1 GiB.
     */
    public static final int COMPARE_MEGABYTES = 192;
    /** Machines shown one column each; past it (or with --by) the columns are groups of machines. */
    public static final int MACHINE_COLUMNS = 16;
    /** Group columns in a comparison; the smallest groups past it are pooled into one "other" column. */
    public static final int GROUP_COLUMNS = 12;

    private Limits() {
    }
}
