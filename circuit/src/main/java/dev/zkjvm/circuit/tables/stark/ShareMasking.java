package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.tables.Bus;
import dev.zkjvm.circuit.tables.Interaction;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.SystemTraceBuilder;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.TableSystem;
import dev.zkjvm.circuit.tables.TableSystemBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Hides each table's bus share in a zero-knowledge proof. The verifier needs only the sum of the
 * shares, but a proof carries each table's, and a share is a function of the table's tuples. So a
 * zero-knowledge proof is made of the system with a masking bus {@value #BUS}: every table with
 * interactions gets two MAIN columns {@code zk.mask[0..1]} and sends the tuple {@code (v0, v1)} with
 * multiplicity {@code v0}; the table {@value #TABLE}, one row per such table, receives the same. The
 * prover puts a random pair on row 0 of each table (zeros elsewhere, which send nothing) and the
 * same pairs in {@value #TABLE}. Each share then gains {@code u = v0/(α - f(v0, v1))}, which is close
 * to uniform in GF(p²) (for a given u, {@code (v0, v1)} solves two linear equations), and
 * {@value #TABLE}'s share is minus their sum: the shares are uniform but for their total.
 *
 * <p>Soundness is unaffected: the masking bus is a bus of its own (its tuples' fingerprints differ
 * from every other bus's), its tuples are committed with the MAIN columns before α and β, and
 * whatever a prover sends on it must be received on it. Plain proofs use the system as it is.
 */
final class ShareMasking {
    static final String BUS = "zk.mask";
    static final String TABLE = "zk.masks";
    private static final Map<TableSystem, TableSystem> MASKED = new WeakHashMap<>();

    private ShareMasking() {
    }

    /** The system with the masking bus (derived once per system). */
    static synchronized TableSystem masked(TableSystem system) {
        return MASKED.computeIfAbsent(system, ShareMasking::build);
    }

    private static TableSystem build(TableSystem system) {
        TableSystemBuilder b = TableSystem.builder(system.name());
        List<Table> tables = new ArrayList<>();
        List<Column[]> masks = new ArrayList<>();
        for (Table t : system.tables()) {
            boolean interacts = !system.interactionsOf(t).isEmpty();
            ConstraintSystemBuilder cs = ConstraintSystem.builder(t.name());
            for (Column c : t.columns()) {
                if (c.phase() == Phase.FIXED) {
                    cs.fixed(c.name(), t.air().fixedValues(c));
                } else {
                    cs.main(c.name());
                }
            }
            for (Constraint c : t.air().constraints()) {
                switch (c.kind()) {
                    case EVERY_ROW -> cs.everyRow(c.name(), c.expr());
                    case TRANSITION -> cs.transition(c.name(), c.expr());
                    case FIRST_ROW -> cs.firstRow(c.name(), c.expr());
                    case LAST_ROW -> cs.lastRow(c.name(), c.expr());
                }
            }
            masks.add(interacts ? new Column[] {cs.main("zk.mask[0]"), cs.main("zk.mask[1]")} : null);
            ConstraintSystem air = cs.build();
            tables.add(t.isPreprocessed() ? b.preprocessed(air, t.fixedHeight()) : b.table(air));
        }
        List<Bus> buses = new ArrayList<>();
        for (Bus bus : system.buses()) {
            buses.add(b.bus(bus.name(), bus.fields().toArray(new String[0])));
        }
        for (Interaction in : system.interactions()) {
            b.interact(in.name(), buses.get(in.bus().index()), tables.get(in.table()), in.direction(), in.multiplicity(),
                    in.tuple());
        }
        Bus mask = b.bus(BUS, "v0", "v1");
        ConstraintSystemBuilder masksAir = ConstraintSystem.builder(TABLE);
        Column v0 = masksAir.main("v0");
        Column v1 = masksAir.main("v1");
        Table masksTable = b.table(masksAir.build());
        for (int t = 0; t < tables.size(); t++) {
            Column[] m = masks.get(t);
            if (m != null) {
                b.send(BUS + "." + tables.get(t).name(), mask, tables.get(t), m[0].cur(), m[0].cur(), m[1].cur());
            }
        }
        b.receive(BUS + "." + TABLE, mask, masksTable, v0.cur(), v0.cur(), v1.cur());
        return b.build();
    }

    /** The trace of {@code masked} that holds {@code trace}'s columns and a random pair per masked table. */
    static SystemTrace trace(SystemTrace trace, TableSystem masked, ProverRandomness rnd) {
        TableSystem system = trace.system();
        SystemTraceBuilder b = SystemTrace.builder(masked);
        Table masksTable = masked.table(TABLE);
        int maskedTables = (int) masked.tables().stream().filter(ShareMasking::hasMask).count();
        int rows = maskedTables <= 1 ? 1 : Integer.highestOneBit(maskedTables - 1) << 1;
        long[] v0 = new long[rows];
        long[] v1 = new long[v0.length];
        int k = 0;
        for (Table t : system.tables()) {
            Table m = masked.tables().get(t.index());
            int n = trace.height(t);
            b.height(m, n);
            long[][] columns = trace.columnsUnsafe(t.index());
            for (Column c : t.columns()) {
                if (c.phase() == Phase.MAIN) {
                    b.set(m, m.columns().get(c.index()), columns[c.index()]);
                }
            }
            if (hasMask(m)) {
                long[] pair = randomPair(rnd, t.index());
                long[] c0 = new long[n];
                long[] c1 = new long[n];
                c0[0] = pair[0];
                c1[0] = pair[1];
                b.set(m, m.air().column("zk.mask[0]"), c0);
                b.set(m, m.air().column("zk.mask[1]"), c1);
                v0[k] = pair[0];
                v1[k] = pair[1];
                k++;
            }
        }
        b.height(masksTable, v0.length);
        b.set(masksTable, masksTable.air().column("v0"), v0);
        b.set(masksTable, masksTable.air().column("v1"), v1);
        SystemTrace out = b.build();
        // FIXED columns are the trace's own (the builder regenerates them; a prover proves what it is given)
        for (Table t : system.tables()) {
            for (Column c : t.columns()) {
                if (c.phase() == Phase.FIXED) {
                    out.columnsUnsafe(t.index())[c.index()] = trace.columnsUnsafe(t.index())[c.index()];
                }
            }
        }
        return out;
    }

    private static boolean hasMask(Table t) {
        return t.columns().stream().anyMatch(c -> c.name().equals("zk.mask[0]"));
    }

    /** A uniform pair with a non-zero first element (a zero one would send nothing). */
    private static long[] randomPair(ProverRandomness rnd, int table) {
        for (int attempt = 0; ; attempt++) {
            long[] pair = rnd.elements(ProverRandomness.Purpose.SHARE_MASK, ((long) table << 32) | attempt, 2);
            if (pair[0] != 0) {
                return pair;
            }
        }
    }
}
