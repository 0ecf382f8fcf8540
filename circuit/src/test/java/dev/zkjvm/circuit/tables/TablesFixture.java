package dev.zkjvm.circuit.tables;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.FixedValues;

/**
 * A small table system of four heights, used across the tables tests:
 * <ul>
 *   <li>{@code cpu} (8 rows): a step counter, reads {@code (addr, val)} from memory when
 *       {@code isRead} is 1, and sends every {@code val} to the byte range table;</li>
 *   <li>{@code mem} (4 rows): receives each of its {@code (addr, val)} cells {@code count} times;</li>
 *   <li>{@code bytes} (256 rows): the preprocessed range 0..255 with its multiplicities;</li>
 *   <li>{@code out} (1 row): receives the result {@code res} that the statement publishes.</li>
 * </ul>
 */
public final class TablesFixture {
    public final TableSystem system;
    public final Table cpu;
    public final Table mem;
    public final Table bytes;
    public final Table out;
    public final Column step;
    public final Column addr;
    public final Column val;
    public final Column isRead;
    public final Column memAddr;
    public final Column memVal;
    public final Column count;
    public final Column byteValue;
    public final Column byteCount;
    public final Column res;
    public final Bus memory;
    public final Bus range;
    public final Bus io;

    public TablesFixture() {
        ConstraintSystemBuilder c = ConstraintSystem.builder("cpu");
        step = c.main("step");
        addr = c.main("addr");
        val = c.main("val");
        isRead = c.main("isRead");
        c.firstRow("step_starts_at_0", step.cur());
        c.transition("step_increments", step.next().sub(step.cur()).sub(1));
        c.everyRow("isRead_is_bit", isRead.cur().mul(isRead.cur().sub(1)));
        ConstraintSystemBuilder m = ConstraintSystem.builder("mem");
        memAddr = m.main("addr");
        memVal = m.main("val");
        count = m.main("count");
        ConstraintSystemBuilder r = ConstraintSystem.builder("bytes");
        byteValue = r.fixed("value", FixedValues.range(256));
        byteCount = r.main("count");
        ConstraintSystemBuilder o = ConstraintSystem.builder("out");
        res = o.main("res");

        TableSystemBuilder b = TableSystem.builder("fixture");
        cpu = b.table(c.build());
        mem = b.table(m.build());
        bytes = b.table(r.build());
        out = b.table(o.build());
        memory = b.bus("memory", "addr", "val");
        range = b.bus("byte", "value");
        io = b.bus("io", "result");
        b.send("cpu.read", memory, cpu, isRead.cur(), addr.cur(), val.cur());
        b.receive("mem.cell", memory, mem, count.cur(), memAddr.cur(), memVal.cur());
        b.send("cpu.val_is_byte", range, cpu, Expr.constant(1), val.cur());
        b.receive("bytes.lookup", range, bytes, byteCount.cur(), byteValue.cur());
        b.receive("out.result", io, out, Expr.constant(1), res.cur());
        system = b.build();
    }

    /** Memory cells (addr, val): (10, 5), (11, 7), (12, 0), (13, 255). */
    public static final long[] MEM_ADDR = {10, 11, 12, 13};
    public static final long[] MEM_VAL = {5, 7, 0, 255};

    /** A satisfying trace: rows 0, 2, 3 and 6 of cpu read memory; out publishes 42. */
    public SystemTrace honestTrace() {
        long[] steps = {0, 1, 2, 3, 4, 5, 6, 7};
        long[] addrs = {10, 99, 11, 10, 0, 0, 13, 0};
        long[] vals = {5, 3, 7, 5, 0, 0, 255, 1};
        long[] reads = {1, 0, 1, 1, 0, 0, 1, 0};
        long[] counts = {2, 1, 0, 1};
        long[] byteCounts = new long[256];
        for (long v : vals) {
            byteCounts[(int) v]++;
        }
        return SystemTrace.builder(system)
                .height(cpu, 8).set(cpu, step, steps).set(cpu, addr, addrs).set(cpu, val, vals).set(cpu, isRead, reads)
                .height(mem, 4).set(mem, memAddr, MEM_ADDR.clone()).set(mem, memVal, MEM_VAL.clone())
                .set(mem, count, counts)
                .height(bytes, 256).set(bytes, byteCount, byteCounts)
                .height(out, 1).set(out, res, new long[] {42})
                .build();
    }

    /** The statement of {@link #honestTrace()}: the result 42. */
    public PublicTuples statement() {
        return PublicTuples.NONE.with(io, Direction.SEND, 1, 42);
    }
}
