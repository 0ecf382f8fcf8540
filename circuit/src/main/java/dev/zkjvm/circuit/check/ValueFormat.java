package dev.zkjvm.circuit.check;

import dev.zkjvm.circuit.field.Goldilocks;

/** Formats field elements for reports: small negatives (p - k) print as -k. */
final class ValueFormat {
    private ValueFormat() {
    }

    static String format(long v) {
        long s = Goldilocks.toSigned(v);
        return s < 0 && s > -(1L << 32) ? Long.toString(s) : Long.toUnsignedString(v);
    }

    static String tuple(long[][] cols, int row) {
        StringBuilder sb = new StringBuilder("(");
        for (int j = 0; j < cols.length; j++) {
            sb.append(j == 0 ? "" : ", ").append(format(cols[j][row]));
        }
        return sb.append(')').toString();
    }
}
