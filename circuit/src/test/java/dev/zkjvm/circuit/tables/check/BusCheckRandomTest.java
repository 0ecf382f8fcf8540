package dev.zkjvm.circuit.tables.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.tables.Bus;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.TableSystem;
import dev.zkjvm.circuit.tables.TableSystemBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sharded, primitive counting against a plain {@link HashMap} multiset, on random tables large
 * enough to grow the hash tables, with one worker and with several, with computed tuple expressions.
 */
class BusCheckRandomTest {
    @Test
    void unmatchedCountEqualsANaiveMultiset() {
        ConstraintSystemBuilder a = ConstraintSystem.builder("a");
        Column x = a.main("x");
        Column y = a.main("y");
        Column m = a.main("m");
        ConstraintSystemBuilder b = ConstraintSystem.builder("b");
        Column u = b.main("u");
        Column v = b.main("v");
        Column k = b.main("k");
        TableSystemBuilder sb = TableSystem.builder("random");
        Table ta = sb.table(a.build());
        Table tb = sb.table(b.build());
        Bus bus = sb.bus("pairs", "p", "q");
        // a sends (x + 1, 2·y) with multiplicity m; b receives (u, v) with multiplicity k
        sb.send("a.pairs", bus, ta, m.cur(), x.cur().add(1), y.cur().mul(2));
        sb.receive("b.pairs", bus, tb, k.cur(), u.cur(), v.cur());
        TableSystem system = sb.build();

        Random rnd = new Random(7);
        for (int trial = 0; trial < 4; trial++) {
            int na = 1 << 14;
            int nb = 1 << 12;
            long[][] ca = {new long[na], new long[na], new long[na]};
            long[][] cb = {new long[nb], new long[nb], new long[nb]};
            for (int r = 0; r < na; r++) {
                ca[0][r] = rnd.nextInt(300);
                ca[1][r] = rnd.nextInt(40);
                ca[2][r] = rnd.nextInt(3);
            }
            // b receives what a sends, in bulk, with some mistakes
            for (int r = 0; r < nb; r++) {
                int from = rnd.nextInt(na);
                cb[0][r] = ca[0][from] + 1;
                cb[1][r] = 2 * ca[1][from];
                cb[2][r] = rnd.nextInt(4);
            }
            Map<List<Long>, Long> naive = new HashMap<>();
            for (int r = 0; r < na; r++) {
                naive.merge(List.of(ca[0][r] + 1, 2 * ca[1][r]), ca[2][r], Goldilocks::add);
            }
            for (int r = 0; r < nb; r++) {
                naive.merge(List.of(cb[0][r], cb[1][r]), Goldilocks.neg(cb[2][r]), Goldilocks::add);
            }
            long expected = naive.values().stream().filter(c -> c != 0).count();
            SystemTrace t = SystemTrace.builder(system).height(ta, na).set(ta, x, ca[0]).set(ta, y, ca[1])
                    .set(ta, m, ca[2]).height(tb, nb).set(tb, u, cb[0]).set(tb, v, cb[1]).set(tb, k, cb[2]).build();
            List<Long> counts = new ArrayList<>();
            for (int workers : new int[] {1, 2, 4}) {
                TableSystemReport report = new TableSystemChecker(system).check(t,
                        dev.zkjvm.circuit.tables.PublicTuples.NONE, new TableCheckOptions(5, 2, workers));
                counts.add(report.unmatchedCount());
                long nonZero = Arrays.stream(ca[2]).filter(c -> c != 0).count()
                        + Arrays.stream(cb[2]).filter(c -> c != 0).count();
                assertEquals(nonZero, report.interactions());
            }
            assertEquals(List.of(expected, expected, expected), counts);
        }
    }
}
