package dev.zkjvm.circuit.tables.translate;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Lookup;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.air.RangeBatch;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.SystemTraceBuilder;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.witness.ArgumentColumns;
import dev.zkjvm.circuit.witness.RangeBatchColumns;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A one-table witness's MAIN columns as the {@link SystemTrace} of its {@link TranslatedSystem}:
 * the main table at the witness's height, each range table's multiplicities counted from the
 * range checks' inputs, a lookup's multiplicities counted if not supplied. The counts are the one
 * table's own ({@link RangeBatchColumns}, {@link ArgumentColumns}), so both proofs agree on them.
 */
final class TraceTranslation {
    private TraceTranslation() {
    }

    static SystemTrace trace(TranslatedSystem t, long[][] sourceColumns, int rows) {
        ConstraintSystem source = t.source();
        if (sourceColumns.length != source.columns().size()) {
            throw new IllegalArgumentException(sourceColumns.length + " columns given, " + source.name() + " has "
                    + source.columns().size());
        }
        Table main = t.mainTable();
        ColumnMap map = t.columnMap();
        SystemTraceBuilder b = SystemTrace.builder(t.system()).height(main, rows);
        // The arguments' counts read the selectors and inputs, which may read FIXED columns too:
        // one source-indexed table of the main table's columns at its height.
        long[][] columns = new long[sourceColumns.length][];
        for (Column c : source.columns()) {
            if (map.get(c) == null) {
                continue;
            }
            if (c.phase() == Phase.FIXED) {
                columns[c.index()] = source.fixedValues(c).generate(rows);
            } else {
                columns[c.index()] = sourceColumns[c.index()];
            }
        }
        // In declaration order: a lookup may read an earlier lookup's multiplicities.
        Set<Lookup> inFixedTables = new HashSet<>();
        t.fixedTables().forEach(f -> inFixedTables.addAll(f.lookups()));
        for (Lookup l : source.lookups()) {
            if (!inFixedTables.contains(l) && columns[l.multiplicity().index()] == null) {
                columns[l.multiplicity().index()] = ArgumentColumns.multiplicities(source, l, columns, rows);
            }
        }
        for (Column c : source.columns(Phase.MAIN)) {
            Column target = map.get(c);
            if (target == null) {
                continue;
            }
            if (columns[c.index()] == null) {
                throw new IllegalArgumentException("MAIN column " + c + " of " + source.name() + " was not given");
            }
            b.set(main, target, columns[c.index()]);
        }
        for (Map.Entry<RangeBatch, Table> e : t.rangeTables().entrySet()) {
            RangeBatch rb = e.getKey();
            Table range = e.getValue();
            Column count = range.air().column(rb.multiplicity().name());
            b.set(range, count, RangeBatchColumns.multiplicities(rb, columns, rows, range.fixedHeight()));
        }
        for (TranslatedSystem.FixedLookupTable f : t.fixedTables()) {
            int height = f.table().fixedHeight();
            long[][] table = new long[f.columns().size()][];
            for (int j = 0; j < table.length; j++) {
                table[j] = source.fixedValues(f.columns().get(j)).generate(height);
            }
            for (TranslatedSystem.Share share : f.shares()) {
                long[] m = new long[height];
                for (Lookup l : share.lookups()) {
                    ArgumentColumns.countInto(source, l, columns, rows, table, height, m);
                }
                b.set(f.table(), share.count(), m);
            }
        }
        return b.build();
    }
}
