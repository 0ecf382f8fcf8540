package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.poly.CosetExtender;
import dev.zkjvm.circuit.poly.TwoAdic;
import dev.zkjvm.circuit.tables.commit.LeafMatrix;
import dev.zkjvm.circuit.util.Parallel;

/**
 * Some columns of one table extended onto its coset {@code 7·⟨ω_(n·b)⟩} (natural order, each
 * followed by {@code b} values that repeat its first ones, so that a point's next row,
 * {@code b} points further, is in place for the last points too). As a {@link LeafMatrix} it has
 * {@code n·b/k} leaves; leaf r holds the k points {@code r + j·n·b/k} of every column
 * (part 0 of every column, then part 1, ...), which FRI folds together.
 */
final class TableLde implements LeafMatrix {
    private final long[][] values;
    private final int size;
    private final int parts;

    private TableLde(long[][] values, int size, int parts) {
        this.values = values;
        this.size = size;
        this.parts = parts;
    }

    /** Extends columns given by their n values on the trace domain. */
    static TableLde ofEvaluations(long[][] columns, int n, int blowup, int parts) {
        return build(columns, CosetExtender.ofEvaluations(n, blowup, TwoAdic.GENERATOR), blowup, parts);
    }

    /** Evaluates polynomials given by n coefficients on the coset. */
    static TableLde ofCoefficients(long[][] coefficients, int n, int blowup, int parts) {
        return build(coefficients, CosetExtender.ofCoefficients(n, blowup, TwoAdic.GENERATOR), blowup, parts);
    }

    private static TableLde build(long[][] columns, CosetExtender extender, int blowup, int parts) {
        int size = extender.extendedLength();
        long[][] values = new long[columns.length][];
        Parallel.forChunks(columns.length, Parallel.parallelism(), () -> null, (ignored, c) -> {
            long[] out = new long[size + blowup];
            extender.extendInto(columns[c], out);
            System.arraycopy(out, 0, out, size, blowup);
            values[c] = out;
        });
        return new TableLde(values, size, parts);
    }

    /** The number of columns. */
    int width() {
        return values.length;
    }

    /** Column c's values on the coset, then the {@code b} that repeat its first ones. */
    long[] column(int c) {
        return values[c];
    }

    @Override
    public int rows() {
        return size / parts;
    }

    @Override
    public long[] leaf(int row) {
        int rows = size / parts;
        long[] out = new long[parts * values.length];
        for (int t = 0; t < parts; t++) {
            for (int c = 0; c < values.length; c++) {
                out[t * values.length + c] = values[c][t * rows + row];
            }
        }
        return out;
    }
}
