package org.racelab.harness.format;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strings from a bundle made safe for where they go. HTML is escaped by the templates
 * (JMustache); this class covers the places a template does not: a terminal (control characters
 * would let a host name move the cursor or change colours), XML 1.0 (which cannot hold most
 * control characters even escaped), Markdown, and links.
 */
public final class Texts {

    private static final Pattern SAFE_LINK = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._/-]{0,200}");

    private Texts() {
    }

    /** Control characters (ESC and the like) as '?'; null as empty. */
    public static String terminal(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) || isInvisibleFormat(c) ? '?' : c));
        return sb.toString();
    }

    /** Bidirectional overrides and the like, which can make a name read as another. */
    private static boolean isInvisibleFormat(int c) {
        return Character.getType(c) == Character.FORMAT;
    }

    /** Text for HTML before the template escapes it: control characters other than line breaks and tabs as '?'. */
    public static String htmlText(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(c == '\n' || c == '\t'
                || !(Character.isISOControl(c) || isInvisibleFormat(c)) ? c : '?'));
        return sb.toString();
    }

    /** Only the characters XML 1.0 can hold (tab, newline, carriage return and printable ones). */
    public static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            sb.appendCodePoint(ok ? c : '?');
        });
        return sb.toString();
    }

    /**
     * Text for inside a Markdown table cell or line: no markup, no HTML (renderers pass HTML
     * through), no line break, no table pipe.
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
}
