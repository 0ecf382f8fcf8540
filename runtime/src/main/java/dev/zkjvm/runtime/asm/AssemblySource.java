package dev.zkjvm.runtime.asm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits assembly text into instruction lines and collects labels, in one pass, so that
 * labels may be used before they are defined.
 *
 * <p>Syntax, one instruction per line: {@code [label:] mnemonic [operand[, operand]...]}.
 * Comments start with {@code ;} or {@code #} and run to the end of the line. A label names
 * the index of the next instruction and can be used wherever a word operand is expected.
 */
public final class AssemblySource {
    private AssemblySource() {
    }

    /** The instruction lines of {@code text}, each knowing every label. */
    public static List<AssemblyLine> parse(String text) {
        Map<String, Integer> labels = new HashMap<>();
        List<AssemblyLine> lines = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int n = 0; n < raw.length; n++) {
            String line = stripComment(raw[n]);
            int lineNo = n + 1;
            int pos = skipBlanks(line, 0);
            int colon = line.indexOf(':');
            if (colon >= 0) {
                String label = line.substring(pos, colon).strip();
                if (!isIdentifier(label)) {
                    throw new AssemblyException(lineNo, pos + 1, "`" + label + "` is not a valid label");
                }
                if (labels.putIfAbsent(label, lines.size()) != null) {
                    throw new AssemblyException(lineNo, pos + 1, "label `" + label + "` is defined twice");
                }
                pos = skipBlanks(line, colon + 1);
            }
            if (pos >= line.length()) {
                continue;
            }
            int end = pos;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                end++;
            }
            String mnemonic = line.substring(pos, end);
            List<String> operands = new ArrayList<>();
            List<Integer> columns = new ArrayList<>();
            int p = skipBlanks(line, end);
            while (p < line.length()) {
                int comma = line.indexOf(',', p);
                int stop = comma < 0 ? line.length() : comma;
                String token = line.substring(p, stop).strip();
                if (token.isEmpty()) {
                    throw new AssemblyException(lineNo, p + 1, "missing operand");
                }
                operands.add(token);
                columns.add(p + 1);
                if (comma < 0) {
                    break;
                }
                p = skipBlanks(line, comma + 1);
                if (p >= line.length()) {
                    throw new AssemblyException(lineNo, comma + 1, "missing operand after `,`");
                }
            }
            lines.add(new AssemblyLine(lineNo, pos + 1, mnemonic, List.copyOf(operands), List.copyOf(columns), labels));
        }
        return lines;
    }

    private static String stripComment(String line) {
        int cut = line.length();
        for (char c : new char[] {';', '#'}) {
            int i = line.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return line.substring(0, cut);
    }

    private static int skipBlanks(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!Character.isJavaIdentifierPart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
