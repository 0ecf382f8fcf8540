package dev.zkjvm.circuit.tables.translate;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Lookup;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.air.RangeBatch;
import dev.zkjvm.circuit.air.RangeCheck;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.SystemTraceBuilder;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.util.Parallel;
import dev.zkjvm.circuit.witness.ArgumentColumns;
import dev.zkjvm.circuit.witness.RangeBatchColumns;
import java.util.HashSet;
import java.util.List;
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
        return trace(t, sourceColumns, rows, Map.of());
    }

    static SystemTrace trace(TranslatedSystem t, long[][] sourceColumns, int rows, Map<String, Integer> partRows) {
        ConstraintSystem source = t.source();
        if (sourceColumns.length != source.columns().size()) {
            throw new IllegalArgumentException(sourceColumns.length + " columns given, " + source.name() + " has "
                    + source.columns().size());
        }
        Parts parts = t.parts();
        Map<String, Integer> heights = new java.util.LinkedHashMap<>();
        for (String p : parts.names()) {
            int h = p.equals(Parts.MAIN) ? rows : partRows.getOrDefault(p, rows);
            if (h > rows || Integer.bitCount(h) != 1) {
                throw new IllegalArgumentException("table " + p + ": " + h + " rows; a power of two up to the main"
                        + " table's " + rows + " is needed");
            }
            heights.put(p, h);
        }
        for (String p : partRows.keySet()) {
            if (!heights.containsKey(p) || p.equals(Parts.MAIN)) {
                throw new IllegalArgumentException(source.name() + " has no table " + p + " apart from its main table");
            }
        }
        SystemTraceBuilder b = SystemTrace.builder(t.system());
        for (String p : parts.names()) {
            b.height(t.partTables().get(p), heights.get(p));
        }
        // The arguments' counts read the selectors and inputs, which may read FIXED columns too:
        // one source-indexed table of the columns at the main table's height.
        long[][] columns = new long[sourceColumns.length][];
        for (String p : parts.names()) {
            ColumnMap map = parts.map(p);
            for (Column c : source.columns()) {
                if (map.get(c) == null || columns[c.index()] != null) {
                    continue;
                }
                columns[c.index()] = c.phase() == Phase.FIXED ? source.fixedValues(c).generate(rows)
                        : sourceColumns[c.index()];
            }
        }
        // In declaration order: a lookup may read an earlier lookup's multiplicities.
        Set<Lookup> inFixedTables = new HashSet<>();
        t.fixedTables().forEach(f -> inFixedTables.addAll(f.lookups()));
        for (Lookup l : source.lookups()) {
            if (!inFixedTables.contains(l) && columns[l.multiplicity().index()] == null) {
                int in = heights.get(parts.of(Parts.withSelector(l.inputs(), l.selector()), l.name()));
                int at = heights.get(parts.of(l.table(), l.name()));
                columns[l.multiplicity().index()] = ArgumentColumns.multiplicities(source, l, columns, in, at);
            }
        }
        for (String p : parts.names()) {
            Table table = t.partTables().get(p);
            ColumnMap map = parts.map(p);
            int h = heights.get(p);
            for (Column c : source.columns(Phase.MAIN)) {
                Column target = map.get(c);
                if (target == null) {
                    continue;
                }
                if (columns[c.index()] == null) {
                    throw new IllegalArgumentException("MAIN column " + c + " of " + source.name() + " was not given");
                }
                long[] v = columns[c.index()];
                b.set(table, target, v.length > h ? java.util.Arrays.copyOf(v, h) : v);
            }
        }
        for (Map.Entry<RangeBatch, Table> e : t.rangeTables().entrySet()) {
            RangeBatch rb = e.getKey();
            Table range = e.getValue();
            java.util.function.Function<RangeCheck, String> partOf =
                    rc -> parts.of(List.of(rc.value(), rc.selectorOrOne()), rc.name());
            if (t.splitsIntoBytes(rb)) {
                bytes(t, b, rb, range, columns, rc -> t.partTables().get(partOf.apply(rc)),
                        rc -> heights.get(partOf.apply(rc)));
                continue;
            }
            Column count = range.air().column(rb.multiplicity().name());
            b.set(range, count, RangeBatchColumns.multiplicities(rb, columns, range.fixedHeight(),
                    rc -> heights.get(partOf.apply(rc))));
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
                    int in = heights.get(parts.of(Parts.withSelector(l.inputs(), l.selector()), l.name()));
                    ArgumentColumns.countInto(source, l, columns, in, table, height, m);
                }
                b.set(f.table(), share.count(), m);
            }
        }
        return b.build();
    }

    /**
     * A batch checked as bytes ({@link RangeLayout#BYTES}): each check's high-byte column in its
     * table, and the byte table's counts of the high and low bytes. A value of 2^16 or more gets
     * the high byte of its low 16 bits, so its low "byte" is out of range and its {@code .lo} send
     * is the one left unmatched.
     */
    private static void bytes(TranslatedSystem t, SystemTraceBuilder b, RangeBatch rb, Table byteTable,
            long[][] columns, java.util.function.Function<RangeCheck, Table> tableOf,
            java.util.function.ToIntFunction<RangeCheck> rowsOf) {
        List<RangeCheck> checks = rb.inputs();
        long[][] counts = new long[checks.size()][];
        long[][] highs = new long[checks.size()][];
        Parallel.forChunks(checks.size(), Parallel.parallelism(), () -> null, (ignored, i) -> {
            RangeCheck rc = checks.get(i);
            int rows = rowsOf.applyAsInt(rc);
            long[] v = ArgumentColumns.baseValues(rc.value(), columns, rows);
            long[] s = rc.selector() == null ? null : ArgumentColumns.baseValues(rc.selector(), columns, rows);
            long[] high = new long[rows];
            long[] c = new long[TranslatedSystem.BYTE_VALUES];
            for (int r = 0; r < rows; r++) {
                long hi = (v[r] >>> 8) & 0xFF;
                long lo = v[r] - (hi << 8);
                high[r] = hi;
                long w = s == null ? 1 : s[r];
                c[(int) hi] = Goldilocks.add(c[(int) hi], w);
                if (Long.compareUnsigned(lo, TranslatedSystem.BYTE_VALUES) < 0) {
                    c[(int) lo] = Goldilocks.add(c[(int) lo], w);
                }
            }
            counts[i] = c;
            highs[i] = high;
        });
        long[] m = new long[byteTable.fixedHeight()];
        for (int i = 0; i < checks.size(); i++) {
            RangeCheck rc = checks.get(i);
            b.set(tableOf.apply(rc), t.highBytes().get(rc), highs[i]);
            for (int v = 0; v < TranslatedSystem.BYTE_VALUES; v++) {
                m[v] = Goldilocks.add(m[v], counts[i][v]);
            }
        }
        b.set(byteTable, byteTable.air().column(byteTable.name() + ".m"), m);
    }
}
