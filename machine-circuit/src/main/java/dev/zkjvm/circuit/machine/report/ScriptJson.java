package dev.zkjvm.circuit.machine.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Jackson's streaming writer set up for JSON that sits inside a {@code <script>} element: {@code <},
 * {@code >}, {@code &} and every non-ASCII character (the line separators included) are written
 * as {@code \\uXXXX} escapes, so no program text can end or break the element, and numbers with
 * one decimal are written without the locale, so a page is the same everywhere.
 */
final class ScriptJson {
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .characterEscapes(new HtmlSafe())
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private ScriptJson() {
    }

    /** A generator writing to {@code out}. */
    static JsonGenerator writer(Writer out) {
        try {
            return FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code v} with one decimal, as JSON number text. */
    static String tenths(double v) {
        long t = Math.round(v * 10);
        String sign = t < 0 ? "-" : "";
        t = Math.abs(t);
        return sign + t / 10 + "." + t % 10;
    }

    private static final class HtmlSafe extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        HtmlSafe() {
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
