package org.racelab.harness.console;

import org.racelab.harness.bundle.Limits;
import org.racelab.harness.format.Texts;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A terminal stream that applies {@link Texts}' rule to everything printed through it: each
 * invisible, bidi or control character shown as an escape (line breaks stay line breaks), each
 * line cut to {@link Limits#SHOWN_CHARS}. Every summary prints through one, so a test name from a
 * student's jar or a host name from a bundle cannot move the cursor, recolour the terminal or
 * read backwards. {@code print}, {@code println} and {@code printf} all end in
 * {@link #print(String)}.
 */
final class ShownText extends PrintStream {

    private ShownText(PrintStream out) {
        super(out, true, out.charset());
    }

    /** {@code out} with the rule applied; a stream that already applies it is returned as it is. */
    static PrintStream of(PrintStream out) {
        return out instanceof ShownText ? out : new ShownText(out);
    }

    @Override
    public void print(String s) {
        super.print(Texts.terminalLines(Texts.cut(s == null ? "null" : s, Limits.SHOWN_CHARS)));
    }

    @Override
    public PrintStream format(String format, Object... args) {
        print(String.format(format, args));
        return this;
    }

    @Override
    public PrintStream format(Locale l, String format, Object... args) {
        print(String.format(l, format, args));
        return this;
    }

    @Override
    public void print(Object o) {
        print(String.valueOf(o));
    }

    @Override
    public void print(char c) {
        print(String.valueOf(c));
    }

    @Override
    public void print(char[] s) {
        print(new String(s));
    }
}
