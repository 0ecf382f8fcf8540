package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.FixedValues;

/** The byte table: FIXED columns (x, y, x AND y) over every pair of bytes, 2^16 rows. */
final class ByteTable {
    private ByteTable() {
    }

    /** Declares the byte table's columns on {@code b}. */
    static Column[] declare(ConstraintSystemBuilder b) {
        long[] x = new long[1 << 16];
        long[] y = new long[1 << 16];
        long[] z = new long[1 << 16];
        for (int v = 0; v < x.length; v++) {
            x[v] = v >>> 8;
            y[v] = v & 0xFF;
            z[v] = x[v] & y[v];
        }
        return new Column[] {b.fixed("table.byte.x", FixedValues.values(x)), b.fixed("table.byte.y", FixedValues.values(y)),
                b.fixed("table.byte.and", FixedValues.values(z))};
    }
}
