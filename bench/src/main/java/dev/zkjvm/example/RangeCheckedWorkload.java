package dev.zkjvm.example;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.FixedValues;
import dev.zkjvm.circuit.tables.Bus;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.TableSystem;
import dev.zkjvm.circuit.tables.TableSystemBuilder;
import java.util.SplittableRandom;

/**
 * The smallest table system of the proving goal: one table {@code limbs} of a few MAIN columns,
 * every cell of which is sent on bus {@code range16}, and the preprocessed 2^16-row table
 * {@code range16} (FIXED {@code value} = 0..65535, MAIN {@code count} its multiplicities) that
 * receives them. The limbs are random 16-bit values.
 */
public final class RangeCheckedWorkload {
    /** Rows of the preprocessed range table. */
    public static final int RANGE_ROWS = 1 << 16;

    public final TableSystem system;
    public final Table limbs;
    public final Table range;
    private final Column[] columns;
    private final Column count;

    /** Declares the system with {@code width} range-checked MAIN columns. */
    public RangeCheckedWorkload(int width) {
        ConstraintSystemBuilder a = ConstraintSystem.builder("limbs");
        columns = new Column[width];
        for (int c = 0; c < width; c++) {
            columns[c] = a.main("limb" + c);
        }
        ConstraintSystemBuilder r = ConstraintSystem.builder("range16");
        Column value = r.fixed("value", FixedValues.range(RANGE_ROWS));
        count = r.main("count");
        TableSystemBuilder b = TableSystem.builder("range-checked");
        limbs = b.table(a.build());
        range = b.preprocessed(r.build(), RANGE_ROWS);
        Bus bus = b.bus("range16", "value");
        for (Column c : columns) {
            b.send("limbs." + c.name(), bus, limbs, Expr.constant(1), c.cur());
        }
        b.receive("range16.value", bus, range, count.cur(), value.cur());
        system = b.build();
    }

    /** An honest trace with {@code rows} rows of random limbs (a power of two), drawn from {@code seed}. */
    public SystemTrace trace(int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] counts = new long[RANGE_ROWS];
        var builder = SystemTrace.builder(system).height(limbs, rows);
        for (Column c : columns) {
            long[] values = new long[rows];
            for (int i = 0; i < rows; i++) {
                values[i] = rnd.nextInt(RANGE_ROWS);
                counts[(int) values[i]]++;
            }
            builder.set(limbs, c, values);
        }
        return builder.set(range, count, counts).build();
    }
}
