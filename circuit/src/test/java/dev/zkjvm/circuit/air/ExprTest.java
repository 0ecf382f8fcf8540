package dev.zkjvm.circuit.air;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.field.Goldilocks;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExprTest {
    final Column a = new Column(0, "a", Phase.MAIN);
    final Column b = new Column(1, "b", Phase.MAIN);
    final Column c = new Column(2, "c", Phase.FIXED);
    final ExtColumn h = new ExtColumn("h", new Column(3, "h.0", Phase.AUX), new Column(4, "h.1", Phase.AUX));
    final Challenge alpha = new Challenge(0, "alpha");

    @Test
    void printsWithPrecedence() {
        assertEquals("a + b * c", a.cur().add(b.cur().mul(c.cur())).toString());
        assertEquals("(a + b) * c", a.cur().add(b.cur()).mul(c.cur()).toString());
        assertEquals("a - (b - c)", a.cur().sub(b.cur().sub(c.cur())).toString());
        assertEquals("a - b - c", a.cur().sub(b.cur()).sub(c.cur()).toString());
        assertEquals("a - 1", a.cur().add(-1).toString());
        assertEquals("a * -1", a.cur().mul(-1).toString());
        assertEquals("-(a + b)", a.cur().add(b.cur()).neg().toString());
        assertEquals("(a + 1)^3", a.cur().add(1).pow(3).toString());
        assertEquals("a'^2", a.next().pow(2).toString());
        assertEquals("h' - h * (alpha - a)", h.next().sub(h.cur().mul(alpha.expr().sub(a.cur()))).toString());
        assertEquals(Long.toUnsignedString(Goldilocks.P >>> 1), new Expr.Const(Goldilocks.P >>> 1).toString());
    }

    @Test
    void degreesAndTypes() {
        Expr e = a.next().mul(b.cur().sub(1)).mul(c.cur());
        assertEquals(3, e.degree());
        assertTrue(e.readsNextRow());
        assertFalse(e.isExtension());
        assertEquals(0, Expr.constant(5).degree());
        assertEquals(6, a.cur().mul(b.cur()).pow(3).degree());
        Expr x = alpha.expr().mul(h.cur());
        assertEquals(1, x.degree());
        assertTrue(x.isExtension());
        assertEquals(2, Expr.sum(List.of(a.cur(), b.cur().mul(c.cur()))).degree());
        assertEquals(3, Expr.product(List.of(a.cur(), b.cur(), c.cur())).degree());
        assertThrows(IllegalArgumentException.class, () -> a.cur().pow(0));
        assertThrows(IllegalArgumentException.class, () -> new Expr.Const(Goldilocks.P));
    }

    @Test
    void structuralHelpers() {
        Expr e = a.cur().mul(h.cur()).sub(alpha.expr());
        Expr n = Exprs.toNextRow(e);
        assertEquals("a' * h' - alpha", n.toString());
        assertThrows(IllegalArgumentException.class, () -> Exprs.toNextRow(n));
        assertEquals(Set.of(new Expr.Cell(a, false), new Expr.Cell(h.c0(), false), new Expr.Cell(h.c1(), false)),
                Exprs.cells(e));
        assertEquals(Set.of(alpha), Exprs.challenges(e));
        assertEquals(a.cur().add(1), a.cur().add(1), "structural equality");
    }

    @Test
    void fixedValues() {
        assertEquals(List.of(0L, 1L, 2L, 3L, 3L, 3L), boxed(FixedValues.range(4).generate(6)));
        assertEquals(List.of(1L, 0L, 0L), boxed(FixedValues.firstRow().generate(3)));
        assertEquals(List.of(0L, 0L, 1L), boxed(FixedValues.lastRow().generate(3)));
        assertEquals(List.of(7L, 9L, 9L, 9L), boxed(FixedValues.values(7, 9).generate(4)));
        assertEquals(FixedValues.values(7, 9), FixedValues.values(7, 9));
        assertEquals(2, FixedValues.values(7, 9).minRows());
    }

    private static List<Long> boxed(long[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }
}
