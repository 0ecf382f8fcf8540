package dev.zkjvm.circuit.witness;

import dev.zkjvm.circuit.air.RangeBatch;
import dev.zkjvm.circuit.air.RangeCheck;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.util.Parallel;
import java.util.List;

/**
 * The columns a {@link RangeBatch} adds: its multiplicity column (MAIN, before the commitment) and
 * its helper columns and running sum (AUX, after the challenges).
 *
 * <p>Every denominator is {@code α - v} with v a table value on an honest trace, so all of them
 * come from one {@link RangeInverses} table: no inversion per row. The running sum is a prefix sum
 * over the rows, computed in two passes so that both passes spread over the pool: each chunk of
 * rows sums locally, then the chunks' offsets are chained and added.
 */
public final class RangeBatchColumns {
    private static final int GRAIN = 1 << 14;

    private RangeBatchColumns() {
    }

    /** An input's selector (null for every row) and values, evaluated on every row. */
    private record Values(long[] selector, long[] value) {
    }

    private static Values values(RangeCheck rc, long[][] columns, int rows) {
        long[] s = rc.selector() == null ? null : ArgumentColumns.baseValues(rc.selector(), columns, rows);
        return new Values(s, ArgumentColumns.baseValues(rc.value(), columns, rows));
    }

    /**
     * The multiplicity column: at row v (the range table holds v there), the selector-weighted
     * number of looked-up values v over all inputs and rows. Values outside the range are not
     * counted; the batch's last-row constraint then fails. One input per task.
     */
    public static long[] multiplicities(RangeBatch b, long[][] columns, int rows) {
        return multiplicities(b, columns, rows, rows);
    }

    /**
     * As {@link #multiplicities(RangeBatch, long[][], int)}, for inputs on {@code rows} rows and a
     * range table of {@code tableRows} rows (at least {@code 2^bits}) elsewhere: a table system's
     * preprocessed range table, taller or shorter than the table whose inputs it counts.
     */
    public static long[] multiplicities(RangeBatch b, long[][] columns, int rows, int tableRows) {
        return multiplicities(b, columns, tableRows, rc -> rows);
    }

    /**
     * As {@link #multiplicities(RangeBatch, long[][], int, int)}, each range check counted on its
     * own first {@code rowsOf} rows: in a table system its inputs live in a table of that height.
     */
    public static long[] multiplicities(RangeBatch b, long[][] columns, int tableRows,
            java.util.function.ToIntFunction<RangeCheck> rowsOf) {
        if (tableRows < b.size()) {
            throw new IllegalArgumentException("range table " + b.name() + " of " + tableRows + " rows cannot hold "
                    + b.size() + " values");
        }
        List<RangeCheck> inputs = b.inputs();
        int size = b.size();
        long[][] counts = new long[inputs.size()][];
        Parallel.forChunks(inputs.size(), Parallel.parallelism(), () -> null, (ignored, i) -> {
            int rows = rowsOf.applyAsInt(inputs.get(i));
            Values v = values(inputs.get(i), columns, rows);
            long[] c = new long[size];
            long[] f = v.value();
            long[] s = v.selector();
            for (int r = 0; r < rows; r++) {
                long x = f[r];
                if (Long.compareUnsigned(x, size) < 0) {
                    c[(int) x] = s == null ? c[(int) x] + 1 : Goldilocks.add(c[(int) x], s[r]);
                }
            }
            counts[i] = c;
        });
        long[] m = new long[tableRows];
        for (long[] c : counts) {
            for (int v = 0; v < size; v++) {
                m[v] = Goldilocks.add(m[v], c[v]);
            }
        }
        return m;
    }

    /**
     * Fills the helper columns {@code g_k = Σ_{i∈G_k} s_i/(α - f_i)} and the running sum
     * {@code h[r] = Σ_{j≤r} (Σ_k g_k[j] - m[j]/(α - t[j]))}. The multiplicity column must already
     * be in {@code columns}, the AUX columns allocated.
     */
    public static void fill(RangeBatch b, long[][] columns, int rows, Ext2[] challenges) {
        RangeInverses inv = RangeInverses.of(challenges[b.alpha().index()], b.size());
        int groups = b.groups().size();
        Values[][] in = new Values[groups][];
        long[][] g0 = new long[groups][];
        long[][] g1 = new long[groups][];
        for (int k = 0; k < groups; k++) {
            List<RangeCheck> group = b.groups().get(k);
            in[k] = new Values[group.size()];
            for (int i = 0; i < group.size(); i++) {
                in[k][i] = values(group.get(i), columns, rows);
            }
            g0[k] = columns[b.helpers().get(k).c0().index()];
            g1[k] = columns[b.helpers().get(k).c1().index()];
        }
        long[][][] inValues = new long[groups][][];
        long[][][] inWeights = new long[groups][][];
        for (int k = 0; k < groups; k++) {
            inValues[k] = java.util.Arrays.stream(in[k]).map(Values::value).toArray(long[][]::new);
            inWeights[k] = java.util.Arrays.stream(in[k]).map(Values::selector).toArray(long[][]::new);
        }
        long[] t = ArgumentColumns.baseValues(b.table().cur(), columns, rows);
        long[] m = columns[b.multiplicity().index()];
        long[] h0 = columns[b.runningSum().c0().index()];
        long[] h1 = columns[b.runningSum().c1().index()];
        int chunks = (rows + GRAIN - 1) / GRAIN;
        long[] end0 = new long[chunks];
        long[] end1 = new long[chunks];
        Parallel.forChunks(chunks, Parallel.parallelism(), () -> null, (ignored, c) -> {
            int from = c * GRAIN;
            int to = Math.min(rows, from + GRAIN);
            // Group by group: each helper from its inputs in one pass, then the helpers summed into
            // h as this chunk's row deltas, then the multiplicities, then the prefix sum in place.
            java.util.Arrays.fill(h0, from, to, 0);
            java.util.Arrays.fill(h1, from, to, 0);
            for (int k = 0; k < groups; k++) {
                inv.sum(inValues[k], inWeights[k], from, to, g0[k], g1[k], 0);
                for (int r = from; r < to; r++) {
                    h0[r] = Goldilocks.add(h0[r], g0[k][r]);
                    h1[r] = Goldilocks.add(h1[r], g1[k][r]);
                }
            }
            inv.accumulate(t, m, true, from, to, h0, h1, 0);
            long acc0 = 0;
            long acc1 = 0;
            for (int r = from; r < to; r++) {
                acc0 = Goldilocks.add(acc0, h0[r]);
                acc1 = Goldilocks.add(acc1, h1[r]);
                h0[r] = acc0;
                h1[r] = acc1;
            }
            end0[c] = acc0;
            end1[c] = acc1;
        });
        // Chain the chunks: chunk c starts from the sum of all earlier chunks.
        long[] start0 = new long[chunks];
        long[] start1 = new long[chunks];
        for (int c = 1; c < chunks; c++) {
            start0[c] = Goldilocks.add(start0[c - 1], end0[c - 1]);
            start1[c] = Goldilocks.add(start1[c - 1], end1[c - 1]);
        }
        Parallel.forChunks(chunks, Parallel.parallelism(), () -> null, (ignored, c) -> {
            long s0 = start0[c];
            long s1 = start1[c];
            if (s0 == 0 && s1 == 0) {
                return;
            }
            for (int r = c * GRAIN, end = Math.min(rows, r + GRAIN); r < end; r++) {
                h0[r] = Goldilocks.add(h0[r], s0);
                h1[r] = Goldilocks.add(h1[r], s1);
            }
        });
    }
}
