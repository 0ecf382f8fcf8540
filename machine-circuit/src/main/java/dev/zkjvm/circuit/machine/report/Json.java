package dev.zkjvm.circuit.machine.report;

/**
 * Writes the page's data as JSON: just arrays, numbers, strings and objects, in a fixed order so
 * that the same report gives the same text. Strings are safe inside an HTML script element.
 */
final class Json {
    private final StringBuilder out;
    private boolean first = true;

    Json(StringBuilder out) {
        this.out = out;
    }

    private void comma() {
        if (!first) {
            out.append(',');
        }
        first = false;
    }

    Json open() {
        comma();
        out.append('{');
        first = true;
        return this;
    }

    Json close() {
        out.append('}');
        first = false;
        return this;
    }

    Json key(String name) {
        comma();
        string(name);
        out.append(':');
        first = true;
        return this;
    }

    Json value(long v) {
        comma();
        out.append(v);
        return this;
    }

    Json value(boolean v) {
        comma();
        out.append(v);
        return this;
    }

    /** A number with one decimal, written without the locale. */
    Json tenths(double v) {
        comma();
        long t = Math.round(v * 10);
        if (t < 0) {
            out.append('-');
            t = -t;
        }
        out.append(t / 10).append('.').append(t % 10);
        return this;
    }

    Json value(String s) {
        comma();
        string(s);
        return this;
    }

    Json array(int[] values) {
        comma();
        out.append('[');
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ",").append(values[i]);
        }
        out.append(']');
        return this;
    }

    Json array(long[] values) {
        comma();
        out.append('[');
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ",").append(values[i]);
        }
        out.append(']');
        return this;
    }

    Json openArray() {
        comma();
        out.append('[');
        first = true;
        return this;
    }

    Json closeArray() {
        out.append(']');
        first = false;
        return this;
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // '<' and the line separators would end or break the script element.
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
