package org.racelab.harness.format;

import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.UnicodeSet;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strings from a bundle (or a tests jar) made safe for where they go, by one rule in every
 * output: a character that cannot be seen, or that changes how the characters around it are
 * seen, is shown as an escape (<code>&#92;u202E</code>), never passed through and never silently
 * dropped. So a right-to-left override cannot turn {@code "1, 0"} into {@code "0, 1"}, a
 * zero-width space or a Hangul filler cannot make two names look like one, and an ESC cannot
 * recolour a terminal. The set is Unicode's own, from ICU4J: default-ignorable code points
 * (zero-width characters, the Hangul fillers, the combining grapheme joiner, variation
 * selectors, tags), bidi controls, controls and format characters, separators other than the
 * plain space, private-use, unassigned and surrogate code points, noncharacters.
 *
 * <p>HTML is escaped by the templates (JMustache) after this; this class covers the rule and
 * the places a template does not: a terminal, XML 1.0, Markdown, chart labels, and links.
 */
public final class Texts {

    private static final Pattern SAFE_LINK = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/-]{0,200}");

    /**
     * What is shown as an escape. U+2800, the braille pattern blank, is the one addition by
     * hand: it draws as a space, but Unicode classes it as a symbol, so no property says so.
     */
    private static final UnicodeSet ESCAPED = new UnicodeSet("[[:Default_Ignorable_Code_Point:][:Bidi_Control:]"
            + "[:Cc:][:Cf:][:Zl:][:Zp:][:Zs:][:Co:][:Cn:][:Cs:][:Noncharacter_Code_Point:][\\u2800]-[\\u0020]]")
            .freeze();

    /** Unicode's confusable skeletons (UTS #39), for telling look-alike names apart. */
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

    private Texts() {
    }

    /** For a terminal line: every character of the rule, line breaks and tabs too, as an escape; null as empty. */
    public static String terminal(String s) {
        return escaped(s, "");
    }

    /**
     * For a spreadsheet cell (compare.csv, grades.csv): as {@link #terminal}, and a cell a spreadsheet
     * would take for a formula ({@code =}, {@code +}, {@code -}, {@code @} first) with a {@code '}
     * before it, so that it stays text.
     */
    public static String spreadsheet(String s) {
        String shown = terminal(s);
        return !shown.isEmpty() && "=+-@".indexOf(shown.charAt(0)) >= 0 ? "'" + shown : shown;
    }

    /** For terminal text of several lines: as {@link #terminal}, but a line break stays one. */
    public static String terminalLines(String s) {
        return escaped(s, "\n");
    }

    /** Text for HTML before the template escapes it: the rule, with line breaks and tabs kept. */
    public static String htmlText(String s) {
        return escaped(s, "\n\t");
    }

    /**
     * For XML 1.0 (junit.xml): the rule, with tab, line feed and carriage return kept. What the
     * rule escapes includes every character XML 1.0 cannot hold (controls, surrogates, U+FFFE).
     */
    public static String xml(String s) {
        return escaped(s, "\n\t\r");
    }

    /** For a chart label (SVG text): the rule, on at most {@code max} characters of {@code s}. */
    public static String chartLabel(String s, int max) {
        return terminal(shortened(s, max));
    }

    /** Whether {@code s} holds a character that the rule shows as an escape. */
    public static boolean hasEscapes(String s) {
        return s != null && ESCAPED.containsSome(s);
    }

    private static String escaped(String s, String kept) {
        if (s == null) {
            return "";
        }
        if (!ESCAPED.containsSome(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            if (ESCAPED.contains(c) && kept.indexOf(c) < 0) {
                sb.append(escape(c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    /** <code>&#92;u202E</code> for a character of the basic plane, <code>&#92;U0001F600</code> beyond it. */
    static String escape(int c) {
        return c <= 0xFFFF ? String.format(Locale.ROOT, "\\u%04X", c) : String.format(Locale.ROOT, "\\U%08X", c);
    }

    /**
     * Every character outside printable ASCII as its code point (<code>l&#92;u0430ptop</code>): how a
     * name is shown where it would look like another.
     */
    public static String codePoints(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            if (c >= 0x20 && c < 0x7F) {
                sb.appendCodePoint(c);
            } else {
                sb.append(escape(c));
            }
        });
        return sb.toString();
    }

    /**
     * Unicode's confusable skeleton of the shown text (UTS #39, ICU's SpoofChecker): two names
     * with the same skeleton look alike ({@code laptop} with a Latin or a Cyrillic {@code a},
     * {@code rn} and {@code m}).
     */
    public static String skeleton(String s) {
        return SPOOF.getSkeleton(terminal(s));
    }

    /**
     * Text for inside a Markdown table cell or line: the rule, no markup, no HTML (renderers pass
     * HTML through), no line break, no table pipe.
     */
    public static String markdown(String s) {
        String t = terminal(s == null ? null : s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
        StringBuilder sb = new StringBuilder(t.length() + 8);
        for (char c : t.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~', '!' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A link into the run folder, only when it is a plain relative path (no scheme such as
     * {@code javascript:}, no leading slash, no {@code ..}); otherwise none.
     */
    public static Optional<String> relativeLink(String s) {
        if (s == null || !SAFE_LINK.matcher(s).matches() || s.contains("..") || s.contains("//")) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public static String shortened(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 3)) + "...";
    }

    /**
     * Each line of {@code s} cut to at most {@code max} characters, a cut line ending with how
     * much was left out: a string from a bundle may be 100,000 characters, a page shows a few.
     */
    public static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        int start = 0;
        while (start <= s.length()) {
            int nl = s.indexOf('\n', start);
            int end = nl < 0 ? s.length() : nl;
            int len = end - start;
            if (len <= max) {
                sb.append(s, start, end);
            } else {
                int keep = Character.isHighSurrogate(s.charAt(start + max - 1)) ? max - 1 : max;
                sb.append(s, start, start + keep).append(String.format(Locale.ROOT,
                        " ... (cut: %,d more characters)", len - keep));
            }
            if (nl < 0) {
                break;
            }
            sb.append('\n');
            start = nl + 1;
        }
        return sb.toString();
    }
}
