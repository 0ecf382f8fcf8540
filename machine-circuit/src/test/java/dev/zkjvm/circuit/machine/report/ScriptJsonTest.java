package dev.zkjvm.circuit.machine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** JSON inside a script element: nothing in a program's text can end the element or break it. */
class ScriptJsonTest {
    private static String write(String text) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator j = ScriptJson.writer(out)) {
            j.writeStartObject();
            j.writeStringField("text", text);
            j.writeEndObject();
        }
        return out.toString();
    }

    @Test
    void markupAndLineSeparatorsAreEscaped() throws Exception {
        assertEquals("{\"text\":\"\\u003C/script\\u003E \\u0026 \\u2028 \\\" \\n \\u00E9\"}",
                write("</script> & \u2028 \" \n \u00e9"));
    }

    @Test
    void tenthsAreWrittenWithoutTheLocale() {
        assertEquals("12.3", ScriptJson.tenths(12.34));
        assertEquals("-0.5", ScriptJson.tenths(-0.46));
        assertEquals("0.0", ScriptJson.tenths(0.04));
        assertEquals("100.0", ScriptJson.tenths(100));
    }
}
