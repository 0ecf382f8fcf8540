package dev.zkjvm.circuit.tables;

import dev.zkjvm.circuit.field.Goldilocks;

/** Prints field elements in reports: small negatives (p - k) as -k, everything else unsigned. */
public final class Values {
    private Values() {
    }

    /** The element as report text. */
    public static String format(long v) {
        long s = Goldilocks.toSigned(v);
        return s < 0 && s > -(1L << 32) ? Long.toString(s) : Long.toUnsignedString(v);
    }
}
