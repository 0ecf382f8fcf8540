package dev.zkjvm.circuit.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.FixedValues;
import org.junit.jupiter.api.Test;

class TableSystemBuilderTest {
    private static ConstraintSystem oneColumn(String name, String column) {
        ConstraintSystemBuilder b = ConstraintSystem.builder(name);
        b.main(column);
        return b.build();
    }

    @Test
    void interactionMustReadItsOwnTable() {
        ConstraintSystem a = oneColumn("a", "x");
        ConstraintSystem c = oneColumn("c", "y");
        TableSystemBuilder b = TableSystem.builder("s");
        Table ta = b.table(a);
        b.table(c);
        Bus bus = b.bus("bus", "v");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.send("a.v", bus, ta, Expr.constant(1), c.column("y").cur()));
        assertTrue(e.getMessage().contains("not a column of table a"), e.getMessage());
    }

    @Test
    void tupleWidthMustMatchTheBus() {
        ConstraintSystem a = oneColumn("a", "x");
        TableSystemBuilder b = TableSystem.builder("s");
        Table ta = b.table(a);
        Bus bus = b.bus("bus", "p", "q");
        Column x = a.column("x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.send("a.v", bus, ta, Expr.constant(1), x.cur()));
        assertTrue(e.getMessage().contains("carries 2 fields [p, q], the tuple has 1"), e.getMessage());
    }

    @Test
    void interactionReadsTheCurrentRowOnly() {
        ConstraintSystem a = oneColumn("a", "x");
        TableSystemBuilder b = TableSystem.builder("s");
        Table ta = b.table(a);
        Bus bus = b.bus("bus", "v");
        Column x = a.column("x");
        assertThrows(IllegalArgumentException.class, () -> b.send("a.v", bus, ta, Expr.constant(1), x.next()));
        assertThrows(IllegalArgumentException.class, () -> b.send("a.v", bus, ta, x.next(), x.cur()));
    }

    @Test
    void tableWithArgumentsOfItsOwnIsRefused() {
        ConstraintSystemBuilder cb = ConstraintSystem.builder("a");
        Column x = cb.main("x");
        cb.rangeCheck("x_small", x.cur(), 4);
        ConstraintSystem a = cb.build();
        TableSystemBuilder b = TableSystem.builder("s");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.table(a));
        assertTrue(e.getMessage().contains("exchange tuples over buses"), e.getMessage());
    }

    @Test
    void duplicateNamesAndUnusedBusesAreRefused() {
        TableSystemBuilder b = TableSystem.builder("s");
        Table ta = b.table(oneColumn("a", "x"));
        assertThrows(IllegalArgumentException.class, () -> b.table(oneColumn("a", "y")));
        Bus bus = b.bus("bus", "v");
        assertThrows(IllegalArgumentException.class, () -> b.bus("bus", "w"));
        assertThrows(IllegalArgumentException.class, () -> b.bus("other", "w", "w"));
        b.send("i", bus, ta, Expr.constant(1), Expr.constant(3));
        assertThrows(IllegalArgumentException.class, () -> b.send("i", bus, ta, Expr.constant(1), Expr.constant(3)));
        b.bus("unused", "v");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("bus unused has no interaction"), e.getMessage());
    }

    @Test
    void heightsArePowersOfTwoHoldingTheFixedColumns() {
        TablesFixture f = new TablesFixture();
        SystemTraceBuilder t = SystemTrace.builder(f.system);
        assertThrows(IllegalArgumentException.class, () -> t.height(f.cpu, 6));
        assertThrows(IllegalArgumentException.class, () -> t.height(f.cpu, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.height(f.bytes, 128));
        assertTrue(e.getMessage().contains("needs at least 256 rows"), e.getMessage());
        t.height(f.out, 1);
        assertThrows(IllegalArgumentException.class, () -> t.set(f.out, f.res, new long[2]));
        assertThrows(IllegalArgumentException.class, () -> t.set(f.out, f.res, new long[] {-1L}));
        IllegalStateException missing = assertThrows(IllegalStateException.class, t::build);
        assertTrue(missing.getMessage().contains("has no height"), missing.getMessage());
    }

    @Test
    void aValueThatIsNotCanonicalIsNamedByItsRowInATallColumn() {
        TablesFixture f = new TablesFixture();
        SystemTraceBuilder t = SystemTrace.builder(f.system).height(f.cpu, 1 << 17);
        long[] steps = new long[1 << 17];
        steps[70_001] = dev.zkjvm.circuit.field.Goldilocks.P;
        steps[100_000] = -1L;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.set(f.cpu, f.step, steps));
        assertTrue(e.getMessage().contains("row 70001: " + Long.toUnsignedString(dev.zkjvm.circuit.field.Goldilocks.P)
                + " is not a canonical field element"), e.getMessage());
        steps[70_001] = dev.zkjvm.circuit.field.Goldilocks.P - 1;
        steps[100_000] = 0;
        t.set(f.cpu, f.step, steps);
    }

    @Test
    void descriptionCoversTablesBusesAndInteractions() {
        TablesFixture f = new TablesFixture();
        String d = f.system.describe();
        assertTrue(d.contains("table 2 bytes"), d);
        assertTrue(d.contains("column 0 value FIXED = range 0..255"), d);
        assertTrue(d.contains("bus 0 memory [addr, val]"), d);
        assertTrue(d.contains("interaction 0 table 0 cpu.read: sends [addr, val] x isRead on memory"), d);
        assertEquals(2, f.system.interactionsOn(f.memory).size());
        assertEquals(256, f.bytes.minHeight());
        assertEquals(1, f.out.minHeight());
        ConstraintSystemBuilder cb = ConstraintSystem.builder("t");
        cb.fixed("f", FixedValues.values(1, 2, 3));
        assertEquals(3, new Table(0, cb.build()).minHeight());
    }
}
