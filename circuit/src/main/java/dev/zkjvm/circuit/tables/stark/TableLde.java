package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.poly.CosetExtender;
import dev.zkjvm.circuit.poly.Ntt;
import dev.zkjvm.circuit.poly.TwoAdic;
import dev.zkjvm.circuit.tables.commit.LeafMatrix;
import dev.zkjvm.circuit.util.Parallel;
import java.util.Arrays;

/**
 * Some polynomials of one table evaluated on its coset {@code 7·⟨ω_L⟩} (natural order, L = P·b,
 * each followed by {@code wrap} values that repeat its first ones, so that a point's next row,
 * L/n points further, is in place for the last points too). As a {@link LeafMatrix} it has L
 * leaves, leaf i holding point i of every column: a query opens one point of each table.
 */
final class TableLde implements LeafMatrix {
    private final long[][] values;
    /** Each column's randomiser r when the columns are randomised (for their out-of-domain values), else null. */
    final long[][] randomizers;
    private final int size;

    private TableLde(long[][] values, long[][] randomizers, int size) {
        this.values = values;
        this.randomizers = randomizers;
        this.size = size;
    }

    /**
     * Extends columns given by their n values on the trace domain onto a coset of {@code L = P·b}
     * points, each randomised as {@code t(x) + (x^n - 1)·r(x)} when {@code randomizers} is not null
     * (one coefficient array per column).
     */
    static TableLde ofEvaluations(long[][] columns, int n, int polyRows, int blowup, long[][] randomizers,
            int wrap) {
        int size = polyRows * blowup;
        long[][] values = new long[columns.length][];
        if (randomizers == null) {
            CosetExtender extender = CosetExtender.ofEvaluations(n, size / n, TwoAdic.GENERATOR);
            Parallel.forChunks(columns.length, Parallel.parallelism(), () -> null, (ignored, c) -> {
                long[] out = new long[size + wrap];
                extender.extendInto(columns[c], out);
                System.arraycopy(out, 0, out, size, wrap);
                values[c] = out;
            });
            return new TableLde(values, null, size);
        }
        if (polyRows == n) {
            CosetExtender extender = CosetExtender.ofEvaluations(n, blowup, TwoAdic.GENERATOR);
            Parallel.forChunks(columns.length, Parallel.parallelism(), () -> null, (ignored, c) -> {
                long[] out = new long[size + wrap];
                extender.extendRandomizedInto(columns[c], randomizers[c], out);
                System.arraycopy(out, 0, out, size, wrap);
                values[c] = out;
            });
            return new TableLde(values, randomizers, size);
        }
        CosetExtender extender = CosetExtender.ofCoefficients(polyRows, blowup, TwoAdic.GENERATOR);
        Parallel.forChunks(columns.length, Parallel.parallelism(), () -> null, (ignored, c) -> {
            long[] coefficients = columns[c].clone();
            Ntt.inverse(coefficients);
            values[c] = evaluate(extender, randomised(coefficients, randomizers[c]), polyRows, size, wrap);
        });
        return new TableLde(values, randomizers, size);
    }

    /**
     * The coefficients of {@code t + (x^n - 1)·r}, n the length of t's coefficients: t's minus r's,
     * then r's again from degree n.
     */
    static long[] randomised(long[] coefficients, long[] r) {
        int n = coefficients.length;
        long[] out = Arrays.copyOf(coefficients, Math.max(n, r.length) + r.length);
        for (int i = 0; i < r.length; i++) {
            out[i] = Goldilocks.sub(out[i], r[i]);
            out[n + i] = Goldilocks.add(out[n + i], r[i]);
        }
        return out;
    }

    /** Evaluates polynomials given by their coefficients (fewer than 2P each) on the coset of P·b points. */
    static TableLde ofCoefficients(long[][] coefficients, int polyRows, int blowup, int wrap) {
        int size = polyRows * blowup;
        CosetExtender extender = CosetExtender.ofCoefficients(polyRows, blowup, TwoAdic.GENERATOR);
        long[][] values = new long[coefficients.length][];
        Parallel.forChunks(coefficients.length, Parallel.parallelism(), () -> null,
                (ignored, c) -> values[c] = evaluate(extender, coefficients[c], polyRows, size, wrap));
        return new TableLde(values, null, size);
    }

    /** Columns already evaluated on the coset of {@code values[c].length} points (no wrap). */
    static TableLde ofValues(long[][] values) {
        return new TableLde(values, null, values[0].length);
    }

    private static long[] evaluate(CosetExtender extender, long[] coefficients, int polyRows, int size, int wrap) {
        if (coefficients.length > 2 * polyRows) {
            throw new IllegalArgumentException(coefficients.length + " coefficients on a domain of " + polyRows);
        }
        long[] low = Arrays.copyOf(coefficients, polyRows);
        long[] high = coefficients.length > polyRows ? Arrays.copyOfRange(coefficients, polyRows, coefficients.length)
                : new long[0];
        long[] out = new long[size + wrap];
        extender.extendInto(low, high, out);
        System.arraycopy(out, 0, out, size, wrap);
        return out;
    }

    /** The number of columns. */
    int width() {
        return values.length;
    }

    /** Column c's values on the coset, then the {@code wrap} that repeat its first ones. */
    long[] column(int c) {
        return values[c];
    }

    @Override
    public int rows() {
        return size;
    }

    @Override
    public void appendLeaf(int row, dev.zkjvm.circuit.hash.RowLeafHasher hasher) {
        for (long[] column : values) {
            hasher.append(column[row]);
        }
    }

    @Override
    public long[] leaf(int row) {
        long[] out = new long[values.length];
        for (int c = 0; c < values.length; c++) {
            out[c] = values[c][row];
        }
        return out;
    }
}
