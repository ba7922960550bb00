package org.racelab.harness.report;

import org.racelab.harness.bundle.Limits;
import org.racelab.harness.format.Texts;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The pages' templates (JMustache, under {@code org/racelab/harness/report/} on the class path).
 * An HTML template escapes every {@code {{value}}}; only the SVG racelab draws goes in unescaped
 * ({@code {{{svg}}}}). A Markdown template escapes with {@link Texts#markdown}. Both first cut
 * each line of a value to {@link Limits#SHOWN_CHARS} (saying how much was cut) and show the
 * invisible and bidi characters as escapes ({@link Texts}).
 */
public final class Templates {

    private static final String DIR = "/org/racelab/harness/report/";

    private Templates() {
    }

    public static Template html(String name) {
        return Mustache.compiler().nullValue("").emptyStringIsFalse(true)
                .withEscaper(s -> Escapers.HTML.escape(Texts.htmlText(Texts.cut(s, Limits.SHOWN_CHARS))))
                .withLoader(Templates::open).compile(open(name));
    }

    public static Template markdown(String name) {
        return Mustache.compiler().nullValue("").emptyStringIsFalse(true).withEscaper(s -> Texts.markdown(Texts.cut(s, Limits.SHOWN_CHARS))).withLoader(Templates::open)
                .compile(open(name));
    }

    private static Reader open(String name) {
        InputStream in = Templates.class.getResourceAsStream(DIR + name + ".mustache");
        if (in == null) {
            throw new UncheckedIOException(new IOException("template " + name + " is not in the jar"));
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
