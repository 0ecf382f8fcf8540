package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Expr;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.ToIntBiFunction;

/**
 * The pools of columns a table's bodies ask for while they compile, shared by the table's
 * instructions (one runs per row): 16-bit range-checked helpers ({@code <prefix>.aux.range[i]}),
 * free helpers ({@code .aux.free[i]}), byte triples looked up in the byte table
 * ({@code .aux.byte[i].x/y/and}), 8-bit range-checked bytes ({@code .aux.u8[i]}), memory-operation slots ({@code .slot[k].used/cell/value[m]}) and
 * stream ports ({@code .<stream>[k].value[m]}, an advice port's limbs range-checked). Each pool
 * grows to the largest index a body asks for.
 */
final class StepPools {
    private final ConstraintSystemBuilder builder;
    private final String prefix;
    private final int limbs;
    private final Function<String, Column> declare;
    private final Supplier<Column[]> byteTable;
    private final IntFunction<Slot.Implied> implied;
    private final ToIntBiFunction<IoStream, Integer> portSlot;
    private final List<Column> range16 = new ArrayList<>();
    private final List<Column> free = new ArrayList<>();
    private final List<Column[]> bytes = new ArrayList<>();
    private final List<Column> byteCells = new ArrayList<>();
    private final List<Slot> slots = new ArrayList<>();
    private final Map<IoStream, List<Column[]>> ports = new EnumMap<>(IoStream.class);

    /**
     * @param prefix    the table's prefix of column and constraint names
     * @param declare   declares a MAIN column of the table by its full name
     * @param byteTable the byte table's FIXED columns (x, y, x AND y), declared on first use
     * @param implied   what the table fixes of slot k for every instruction with a k-th access: the
     *     used flag when each makes the access on every step, the cell when each is a stack access
     *     (see {@link #slot}); {@link Slot.Implied#NONE} where the slot has its columns
     * @param portSlot  the slot whose value cells port k of a stream shares (see {@link #port}), or -1
     */
    StepPools(ConstraintSystemBuilder builder, String prefix, int limbs, Function<String, Column> declare,
            Supplier<Column[]> byteTable, IntFunction<Slot.Implied> implied,
            ToIntBiFunction<IoStream, Integer> portSlot) {
        this.builder = builder;
        this.prefix = prefix;
        this.limbs = limbs;
        this.declare = declare;
        this.byteTable = byteTable;
        this.implied = implied;
        this.portSlot = portSlot;
    }

    Column range16(int i) {
        while (range16.size() <= i) {
            Column c = declare.apply(prefix + ".aux.range[" + range16.size() + "]");
            builder.rangeCheck16(c.name() + ".range", c.cur());
            range16.add(c);
        }
        return range16.get(i);
    }

    Column free(int i) {
        while (free.size() <= i) {
            free.add(declare.apply(prefix + ".aux.free[" + free.size() + "]"));
        }
        return free.get(i);
    }

    Column[] bytes(int i) {
        while (bytes.size() <= i) {
            String name = prefix + ".aux.byte[" + bytes.size() + "]";
            Column[] t = {declare.apply(name + ".x"), declare.apply(name + ".y"), declare.apply(name + ".and")};
            Column[] table = byteTable.get();
            builder.lookup(name + ".table", null, List.of(t[0].cur(), t[1].cur(), t[2].cur()),
                    List.of(table[0].cur(), table[1].cur(), table[2].cur()));
            bytes.add(t);
        }
        return bytes.get(i);
    }

    Column byteCell(int i) {
        while (byteCells.size() <= i) {
            Column c = declare.apply(prefix + ".aux.u8[" + byteCells.size() + "]");
            builder.rangeCheck(c.name() + ".range", c.cur(), 8);
            byteCells.add(c);
        }
        return byteCells.get(i);
    }

    /**
     * Port {@code k} of {@code stream}, declared on first use: its own cells (an advice port's
     * range-checked), or the value cells of the slot {@code portSlot} names. That slot is the one
     * every instruction of the table with a k-th word of the stream pushes or sets it through (an
     * input word) or took it from (an output word): each body states the port equal to that slot's
     * value on its rows, and the port is sent with the multiplicity of those rows alone, so the
     * slot's cells are the port wherever it counts. Sharing them only adds the equality; the
     * bodies' {@code c - c} requirements are left out.
     */
    Column[] port(IoStream stream, int k) {
        List<Column[]> list = ports.computeIfAbsent(stream, s -> new ArrayList<>());
        while (list.size() <= k) {
            int shared = portSlot.applyAsInt(stream, list.size());
            if (shared >= 0 && !slot(shared).byteValue()) {
                list.add(slot(shared).valueColumns().toArray(new Column[0]));
                continue;
            }
            String name = prefix + "." + stream.label() + "[" + list.size() + "]";
            Column[] cols = new Column[limbs];
            for (int m = 0; m < limbs; m++) {
                cols[m] = declare.apply(name + ".value[" + m + "]");
                if (stream.bus() == null) {
                    builder.rangeCheck16(cols[m].name() + ".range", cols[m].cur());
                }
            }
            list.add(cols);
        }
        return list.get(k);
    }

    /**
     * Slot {@code k}, declared on first use.
     *
     * <p>Its used flag is a column only where an instruction makes the access on some of its steps
     * and not others. Where every instruction with a k-th access makes it always, each of their
     * bodies would constrain a used column to 1 and the table's {@code slot[k].unused} rule would
     * hold it at 0 on every other row (flags are 0 or 1, at most one per row): the column would
     * equal the sum of those instructions' flags on every row that satisfies the constraints, so
     * that sum stands in for it, with no column, no constraint, and the same degree (1) in the
     * memory bus's multiplicity and the times.
     *
     * <p>Its cell is a column unless every instruction with a k-th access pushes or pops there.
     * Then each body would require {@code cell = depth + stack base + o_i} with its own constant
     * {@code o_i} on its rows, so {@code depth + stack base + Σ s_i o_i} (degree 1) is the cell on
     * every row where the access is made; on other rows the slot's multiplicity is 0 and its
     * cell is sent nowhere.
     *
     * <p>Its value is limb columns unless every instruction with a k-th access splits it into
     * bytes (a read's or a write's cells, a popped value written to memory). Then each body would
     * require {@code value_m = 256 high_m + low_m} with bytes range-checked to 8 bits on every
     * row, so the slot holds the bytes ({@code .byte[i]}, range-checked) and its value is
     * {@code 256 high_m + low_m} (degree 1): the bodies take these bytes and state nothing; on
     * other rows the slot sends nothing. A table saves the value's columns, and the byte cells its
     * bodies took from the pool.
     */
    Slot slot(int k) {
        while (slots.size() <= k) {
            String name = prefix + ".slot[" + slots.size() + "]";
            Slot.Implied fixed = implied.apply(slots.size());
            Column[][] bytes = null;
            List<Column> columns = null;
            List<Expr> value = new ArrayList<>();
            if (fixed.bytes()) {
                bytes = new Column[limbs][];
                for (int m = 0; m < limbs; m++) {
                    bytes[m] = new Column[] {declare.apply(name + ".byte[" + (2 * m) + "]"),
                        declare.apply(name + ".byte[" + (2 * m + 1) + "]")};
                    for (Column b : bytes[m]) {
                        builder.rangeCheck(b.name() + ".range", b.cur(), 8);
                    }
                    value.add(bytes[m][0].cur().mul(256).add(bytes[m][1].cur()));
                }
            } else {
                columns = new ArrayList<>();
                for (int m = 0; m < limbs; m++) {
                    Column c = declare.apply(name + ".value[" + m + "]");
                    columns.add(c);
                    value.add(c.cur());
                }
                columns = List.copyOf(columns);
            }
            Column used = fixed.used() == null ? declare.apply(name + ".used") : null;
            Column cell = fixed.cell() == null ? declare.apply(name + ".cell") : null;
            slots.add(new Slot(used, used == null ? fixed.used() : used.cur(), cell,
                    cell == null ? fixed.cell() : cell.cur(), bytes, columns, List.copyOf(value)));
        }
        return slots.get(k);
    }

    /** The slots, in order. */
    List<Slot> slots() {
        return slots;
    }

    /** The ports of {@code stream}, in order (empty if no body uses it). */
    List<Column[]> ports(IoStream stream) {
        return ports.getOrDefault(stream, List.of());
    }
}
