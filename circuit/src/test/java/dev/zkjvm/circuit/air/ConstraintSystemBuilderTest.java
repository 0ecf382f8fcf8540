package dev.zkjvm.circuit.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintSystemBuilderTest {
    @Test
    void declaresColumnsConstraintsAndArguments() {
        ConstraintSystemBuilder b = ConstraintSystem.builder("mem");
        Column addr = b.main("addr");
        Column val = b.main("val");
        Column isWrite = b.main("is_write");
        Column sAddr = b.main("s_addr");
        Column sVal = b.main("s_val");
        b.transition("same_addr_write", isWrite.next().mul(addr.next().sub(addr.cur())));
        b.rangeCheck16("addr_range", addr.cur());
        b.rangeCheck16("val_range", isWrite.cur(), val.cur());
        Permutation p = b.permutation("sorted", List.of(addr.cur(), val.cur()), List.of(sAddr.cur(), sVal.cur()));
        ConstraintSystem cs = b.build();

        assertEquals(List.of("addr", "val", "is_write", "s_addr", "s_val", "range16", "sorted.z.0", "sorted.z.1",
                "range16.m", "range16.g[0].0", "range16.g[0].1", "range16.sum.0", "range16.sum.1"),
                cs.columns().stream().map(Column::name).toList());
        for (int i = 0; i < cs.columns().size(); i++) {
            assertEquals(i, cs.columns().get(i).index());
        }
        assertEquals(List.of("range16"), cs.columns(Phase.FIXED).stream().map(Column::name).toList());
        assertEquals(6, cs.columns(Phase.AUX).size());
        assertEquals(List.of("sorted.beta", "sorted.gamma", "range16.alpha"),
                cs.challenges().stream().map(Challenge::name).toList());
        assertEquals(List.of("same_addr_write", "sorted.first", "sorted.step", "sorted.last", "range16.g[0]",
                "range16.first", "range16.step", "range16.last"),
                cs.constraints().stream().map(Constraint::name).toList());
        assertEquals(1, cs.rangeBatches().size());
        assertEquals(List.of("addr_range", "val_range"), cs.rangeChecks().stream().map(RangeCheck::name).toList());
        assertEquals("range16", cs.constraint("range16.g[0]").argument());
        assertEquals("is_write' * (addr' - addr)", cs.constraint("same_addr_write").polynomial());
        assertNull(cs.constraint("same_addr_write").argument());
        assertEquals("sorted", cs.constraint("sorted.step").argument());
        assertEquals(ConstraintKind.LAST_ROW, cs.constraint("sorted.last").kind());
        assertEquals(2, p.width());
        assertEquals(3, cs.maxDegree());
        assertEquals(1 << 16, cs.minRows());
        assertEquals(FixedValues.range(1 << 16), cs.fixedValues(cs.column("range16")));
        assertTrue(cs.describe().contains("column 5 range16 FIXED = range 0..65535"), cs.describe());
        assertTrue(cs.describe().contains("permutation sorted: [addr, val] ~ [s_addr, s_val]"), cs.describe());
        assertTrue(cs.describe().contains("range batch range16 in range16: group 0 addr_range=addr"
                + " val_range=val when is_write"), cs.describe());
    }

    @Test
    void rangeBatchConstraintsAreTheBatchedLogUpIdentities() {
        ConstraintSystemBuilder b = ConstraintSystem.builder("r");
        Column x = b.main("x");
        Column y = b.main("y");
        Column s = b.main("s");
        b.rangeCheck("x_range", x.cur(), 4);
        b.rangeCheck("y_range", s.cur(), y.cur(), 4);
        ConstraintSystem cs = b.build();
        assertEquals("range4.g[0] * ((range4.alpha - x) * (range4.alpha - y)) - (range4.alpha - y"
                + " + s * (range4.alpha - x))", cs.constraint("range4.g[0]").polynomial());
        assertEquals("(range4.sum - range4.g[0]) * (range4.alpha - range4) + range4.m",
                cs.constraint("range4.first").polynomial());
        assertEquals("(range4.sum' - range4.sum - range4.g[0]') * (range4.alpha - range4') + range4.m'",
                cs.constraint("range4.step").polynomial());
        assertEquals("range4.sum", cs.constraint("range4.last").polynomial());
        assertEquals(ConstraintKind.EVERY_ROW, cs.constraint("range4.g[0]").kind());
        assertEquals(3, cs.constraint("range4.g[0]").degree());
        assertEquals(2, cs.constraint("range4.step").degree());
        assertEquals(3, cs.maxDegree(), "what two single-input lookups would have had");
    }

    /** Groups grow as far as the system's degree allows, and never beyond it. */
    @Test
    void rangeBatchGroupsFollowTheDegreeBudget() {
        for (int degree = 1; degree <= 6; degree++) {
            ConstraintSystemBuilder b = ConstraintSystem.builder("g");
            Column x = b.main("x");
            b.everyRow("deg", x.cur().pow(degree));
            for (int i = 0; i < 7; i++) {
                b.rangeCheck16("c" + i, b.main("v" + i).cur());
            }
            ConstraintSystem cs = b.build();
            int groupSize = Math.max(2, degree - 1);
            RangeBatch rb = cs.rangeBatches().get(0);
            assertEquals((7 + groupSize - 1) / groupSize, rb.groups().size(), "degree " + degree);
            assertEquals(groupSize, rb.groups().get(0).size());
            assertEquals(Math.max(3, degree), cs.maxDegree(), "degree " + degree);
        }
        // A degree-2 input with a degree-2 selector: alone, its single lookup would have degree 4.
        ConstraintSystemBuilder b = ConstraintSystem.builder("h");
        Column x = b.main("x");
        Column y = b.main("y");
        b.rangeCheck16("sq", x.cur().mul(y.cur()), x.cur().mul(x.cur()));
        b.rangeCheck16("plain", y.cur());
        b.rangeCheck16("plain2", x.cur());
        ConstraintSystem cs = b.build();
        assertEquals(4, cs.maxDegree());
        assertEquals(List.of(List.of("sq", "plain"), List.of("plain2")), cs.rangeBatches().get(0).groups().stream()
                .map(g -> g.stream().map(RangeCheck::name).toList()).toList());
    }

    @Test
    void lookupConstraintsAreTheLogUpIdentities() {
        ConstraintSystemBuilder b = ConstraintSystem.builder("l");
        Column x = b.main("x");
        Column s = b.main("s");
        Column t = b.fixed("t", FixedValues.values(1, 2, 3));
        b.lookup("x_in_t", s.cur(), List.of(x.cur()), List.of(t.cur()));
        ConstraintSystem cs = b.build();
        assertEquals("x_in_t.sum * (x_in_t.alpha - x) * (x_in_t.alpha - t) - s * (x_in_t.alpha - t)"
                + " + x_in_t.m * (x_in_t.alpha - x)", cs.constraint("x_in_t.first").polynomial());
        assertEquals("(x_in_t.sum' - x_in_t.sum) * (x_in_t.alpha - x') * (x_in_t.alpha - t')"
                + " - s' * (x_in_t.alpha - t') + x_in_t.m' * (x_in_t.alpha - x')",
                cs.constraint("x_in_t.step").polynomial());
        assertEquals("x_in_t.sum", cs.constraint("x_in_t.last").polynomial());
        assertEquals(3, cs.constraint("x_in_t.step").degree());
        assertTrue(cs.constraint("x_in_t.step").expr().isExtension());
    }

    @Test
    void mistakesAreRejectedAtOnce() {
        ConstraintSystemBuilder b = ConstraintSystem.builder("bad");
        Column x = b.main("x");
        assertThrows(IllegalArgumentException.class, () -> b.main("x"), "duplicate column");
        b.everyRow("c", x.cur());
        assertThrows(IllegalArgumentException.class, () -> b.everyRow("c", x.cur()), "duplicate constraint");
        assertThrows(IllegalArgumentException.class, () -> b.everyRow("n", x.next()), "next row outside transition");
        assertThrows(IllegalArgumentException.class, () -> b.firstRow("n", x.next()), "next row in boundary");
        assertThrows(IllegalArgumentException.class, () -> b.main("has space"), "bad name");
        b.rangeCheck("r", x.cur(), 4);
        assertThrows(IllegalArgumentException.class, () -> b.rangeCheck("r", x.cur(), 4), "duplicate argument");
        assertThrows(IllegalArgumentException.class, () -> b.lookup("range4", x.cur(), b.rangeTable(4)),
                "the batch's name is taken");
        Lookup l = b.lookup("l", x.cur(), b.rangeTable(4));
        assertThrows(IllegalArgumentException.class, () -> b.rangeCheck("range4", x.cur(), 4), "the batch's name");
        b.lookup("range5", x.cur(), b.rangeTable(5));
        assertThrows(IllegalArgumentException.class, () -> b.rangeCheck("r5", x.cur(), 5),
                "a 5-bit batch cannot be named");
        b.rangeCheck("r5", x.cur(), 4);     // the refused declaration claimed nothing
        assertThrows(IllegalArgumentException.class, () -> b.rangeCheck("aux", l.runningSum().c0().cur(), 4),
                "AUX column as lookup input");
        assertThrows(IllegalArgumentException.class, () -> b.lookup("ch", null, List.of(l.alpha().expr()),
                List.of(x.cur())), "challenge as lookup input");
        assertThrows(IllegalArgumentException.class, () -> b.permutation("nx", List.of(x.next()), List.of(x.cur())),
                "next row in permutation");
        assertThrows(IllegalArgumentException.class, () -> b.permutation("w", List.of(x.cur()), List.of()),
                "width mismatch");
        Column foreign = ConstraintSystem.builder("other").main("y");
        assertThrows(IllegalArgumentException.class, () -> b.everyRow("f", foreign.cur()), "foreign column");
        assertThrows(IllegalArgumentException.class, () -> b.rangeTable(25));
        assertEquals(b.rangeTable(4), b.rangeTable(4), "range tables are shared");
        b.build();
        assertThrows(IllegalStateException.class, () -> b.main("late"));
        assertThrows(IllegalStateException.class, b::build);
    }

    @Test
    void differentSystemsDescribeDifferently() {
        ConstraintSystemBuilder b1 = ConstraintSystem.builder("s");
        Column x1 = b1.main("x");
        b1.everyRow("c", x1.cur().sub(1));
        ConstraintSystemBuilder b2 = ConstraintSystem.builder("s");
        Column x2 = b2.main("x");
        b2.everyRow("c", x2.cur().sub(2));
        assertNotEquals(b1.build().describe(), b2.build().describe());
        ConstraintSystemBuilder f1 = ConstraintSystem.builder("f");
        f1.fixed("t", FixedValues.values(1, 2));
        ConstraintSystemBuilder f2 = ConstraintSystem.builder("f");
        f2.fixed("t", FixedValues.values(1, 3));
        assertNotEquals(f1.build().describe(), f2.build().describe());
    }
}
