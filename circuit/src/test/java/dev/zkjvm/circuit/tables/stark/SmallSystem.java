package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.tables.Bus;
import dev.zkjvm.circuit.tables.Direction;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.TableSystem;
import dev.zkjvm.circuit.tables.TableSystemBuilder;

/**
 * The smallest system whose proofs are cheap to mutate byte by byte: {@code steps} (16 rows)
 * counts and sends each {@code x} on bus {@code v}; {@code values} (4 rows) receives them with
 * multiplicities; {@code result} (1 row) receives the published result on bus {@code out}.
 */
final class SmallSystem {
    final TableSystem system;
    final Table steps;
    final Table values;
    final Table result;
    final Column count;
    final Column x;
    final Column y;
    final Column m;
    final Column r;
    final Bus v;
    final Bus out;

    SmallSystem() {
        ConstraintSystemBuilder a = ConstraintSystem.builder("steps");
        count = a.main("count");
        x = a.main("x");
        a.firstRow("count_starts_at_0", count.cur());
        a.transition("count_steps", count.next().sub(count.cur()).sub(1));
        ConstraintSystemBuilder b = ConstraintSystem.builder("values");
        y = b.main("y");
        m = b.main("m");
        ConstraintSystemBuilder c = ConstraintSystem.builder("result");
        r = c.main("r");
        c.everyRow("r_is_small", r.cur().mul(r.cur().sub(1)).mul(r.cur().sub(2)));
        TableSystemBuilder s = TableSystem.builder("small");
        steps = s.table(a.build());
        values = s.table(b.build());
        result = s.table(c.build());
        v = s.bus("v", "value");
        out = s.bus("out", "result");
        s.send("steps.x", v, steps, Expr.constant(1), x.cur());
        s.receive("values.y", v, values, m.cur(), y.cur());
        s.receive("result.r", out, result, Expr.constant(1), r.cur());
        system = s.build();
    }

    SystemTrace trace() {
        long[] counts = new long[16];
        long[] xs = new long[16];
        for (int i = 0; i < 16; i++) {
            counts[i] = i;
            xs[i] = 10 + i % 3;
        }
        return SystemTrace.builder(system)
                .height(steps, 16).set(steps, count, counts).set(steps, x, xs)
                .height(values, 4).set(values, y, new long[] {10, 11, 12, 13}).set(values, m, new long[] {6, 5, 5, 0})
                .height(result, 1).set(result, r, new long[] {2})
                .build();
    }

    PublicTuples statement() {
        return PublicTuples.NONE.with(out, Direction.SEND, 1, 2);
    }
}
