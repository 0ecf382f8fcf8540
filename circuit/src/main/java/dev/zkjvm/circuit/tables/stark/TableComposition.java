package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.ConstraintKind;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.eval.BlockEvaluator;
import dev.zkjvm.circuit.eval.Program;
import dev.zkjvm.circuit.eval.ProgramCompiler;
import dev.zkjvm.circuit.field.DotProducts;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.poly.Ntt;
import dev.zkjvm.circuit.poly.TwoAdic;
import dev.zkjvm.circuit.util.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One table's composition polynomial {@code C(y) = Σ_i λ^i·c_i(y)/Z_i(y)} over the constraints that
 * apply at its height, evaluated on sub-cosets of its coset that determine it, interpolated and cut
 * into chunks {@code H_j} at multiples of the table's domain P, with
 * {@code C(y) = Σ_j y^(j·P)·H_j(y)} (the last chunk takes the rest, up to the table's slack).
 *
 * <p>A degree bound E just above a power of two s (as zero knowledge's randomised columns make it:
 * 2n + 3h for degree-3 constraints) would need 2s points. Instead C is evaluated on the s points
 * {@code A = 7·⟨ω_s⟩} and on m ≥ E - s points {@code B = y_0·⟨ω_m⟩} of the coset: with
 * {@code C = C_lo + x^s·C_hi}, A gives {@code G = C_lo + a·C_hi} (a = 7^s, deg C_hi &lt; m), B gives
 * {@code F = (C_lo + e·C_hi) mod (x^m - c)} (c = y_0^m, e = y_0^s), so
 * {@code C_hi = (F - (G mod (x^m - c)))/(e - a)} and {@code C_lo = G - a·C_hi}.
 */
final class TableComposition {
    private TableComposition() {
    }

    /**
     * @param extended every column of the table's AIR on the coset, by AIR column index, each with the
     *     L/n repeated values (see {@link TableLde})
     * @param challenges α, β and the table's share
     * @return the chunks' coefficients as base columns {@code H_0.c0, H_0.c1, H_1.c0, ...}
     * @throws IllegalStateException if the composition's degree exceeds its bound (the trace breaks
     *     a constraint)
     */
    static long[][] chunks(TableShape t, long[][] extended, int blowup, Ext2[] challenges, Ext2 lambda) {
        return split(coefficients(t, extended, challenges, lambda), t);
    }

    /** C's coefficients {c0, c1}, each at least the composition's bound long. */
    static long[][] coefficients(TableShape t, long[][] extended, Ext2[] challenges, Ext2 lambda) {
        int bound = Math.max(t.compositionBound, t.rows);
        int s = bound <= 1 ? 1 : Integer.highestOneBit(bound - 1) << 1; // the power of two at least the bound
        int half = s / 2;
        if (half >= t.rows && half >= 2 && t.compositionBound - half <= half / 8) {
            int excess = t.compositionBound - half;
            int m = excess <= 1 ? 1 : Integer.highestOneBit(excess - 1) << 1;
            long[][] a = valuesOn(t, extended, challenges, lambda, half, 0);
            long[][] b = valuesOn(t, extended, challenges, lambda, m, 1);
            long y0 = Goldilocks.mul(TwoAdic.GENERATOR, TwoAdic.rootOfUnity(Integer.numberOfTrailingZeros(t.ldeSize)));
            long[][] out = new long[2][];
            for (int coord = 0; coord < 2; coord++) {
                interpolate(a[coord], TwoAdic.GENERATOR);
                interpolate(b[coord], y0);
                out[coord] = combine(a[coord], b[coord], Goldilocks.pow(TwoAdic.GENERATOR, half), Goldilocks.pow(y0, m),
                        Goldilocks.pow(y0, half));
            }
            return out;
        }
        long[][] v = valuesOn(t, extended, challenges, lambda, s, 0);
        interpolate(v[0], TwoAdic.GENERATOR);
        interpolate(v[1], TwoAdic.GENERATOR);
        return v;
    }

    /**
     * {@code C_lo ++ C_hi} from {@code g = C_lo + a·C_hi} (s coefficients) and
     * {@code f = (C_lo + e·C_hi) mod (x^m - c)} (m coefficients).
     */
    private static long[] combine(long[] g, long[] f, long a, long c, long e) {
        int s = g.length;
        int m = f.length;
        long[] folded = new long[m];
        long cq = 1;
        for (int q = 0; q < s / m; q++) {
            for (int i = 0; i < m; i++) {
                folded[i] = Goldilocks.add(folded[i], Goldilocks.mul(cq, g[q * m + i]));
            }
            cq = Goldilocks.mul(cq, c);
        }
        long inv = Goldilocks.inverse(Goldilocks.sub(e, a));
        long[] out = Arrays.copyOf(g, s + m);
        for (int i = 0; i < m; i++) {
            long hi = Goldilocks.mul(Goldilocks.sub(f[i], folded[i]), inv);
            out[s + i] = hi;
            out[i] = Goldilocks.sub(out[i], Goldilocks.mul(a, hi));
        }
        return out;
    }

    /**
     * C at the {@code size} points {@code 7·ω_L^(offset + i·L/size)} of the table's coset, natural
     * order, as {c0, c1}.
     */
    static long[][] valuesOn(TableShape t, long[][] extended, Ext2[] challenges, Ext2 lambda, int size, int offset) {
        List<Constraint> cs = t.constraints;
        List<Expr> exprs = new ArrayList<>();
        for (Constraint c : cs) {
            exprs.add(c.expr());
        }
        Program program = ProgramCompiler.compileValues(exprs);
        int n = t.rows;
        int stride = t.ldeSize / size;
        long omega = TwoAdic.rootOfUnity(Integer.numberOfTrailingZeros(size));
        long start = Goldilocks.mul(TwoAdic.GENERATOR,
                Goldilocks.pow(TwoAdic.rootOfUnity(Integer.numberOfTrailingZeros(t.ldeSize)), offset));
        long lastRow = TwoAdic.inverseRootOfUnity(t.logRows);
        long[] coeff0 = new long[cs.size()];
        long[] coeff1 = new long[cs.size()];
        long[] coeff1W = new long[cs.size()];
        Ext2 p = Ext2.ONE;
        for (int i = 0; i < coeff0.length; i++) {
            coeff0[i] = p.c0();
            coeff1[i] = p.c1();
            coeff1W[i] = Goldilocks.mul(p.c1(), Ext2.W);
            p = p.mul(lambda);
        }
        // x^n - 1 takes only max(1, size/n) values on these points: x^n = start^n·ω_size^(i·n)
        int period = Math.max(1, size / n);
        long[] invVanishing = new long[period];
        long startN = Goldilocks.pow(start, n);
        long rootN = Goldilocks.pow(omega, n);
        for (int i = 0; i < period; i++) {
            invVanishing[i] = Goldilocks.inverse(Goldilocks.sub(Goldilocks.mul(startN, Goldilocks.pow(rootN, i)), 1));
        }
        int[] kind = new int[cs.size()];
        int kinds = dev.zkjvm.circuit.air.ConstraintKind.values().length;
        boolean[] present = new boolean[kinds];
        for (int i = 0; i < kind.length; i++) {
            kind[i] = cs.get(i).kind().ordinal();
            present[kind[i]] = true;
        }
        boolean hasTransition = present[ConstraintKind.TRANSITION.ordinal()];
        boolean hasFirst = present[ConstraintKind.FIRST_ROW.ordinal()];
        boolean hasLast = present[ConstraintKind.LAST_ROW.ordinal()];
        long[] out0 = new long[size];
        long[] out1 = new long[size];
        int blocks = (size + BlockEvaluator.BLOCK - 1) / BlockEvaluator.BLOCK;
        Parallel.forChunks(blocks, Parallel.parallelism(),
                () -> new Scratch(program, extended.length, challenges, kinds), (w, b) -> {
                    BlockEvaluator ev = w.evaluator;
                    int first = b * BlockEvaluator.BLOCK;
                    int len = Math.min(BlockEvaluator.BLOCK, size - first);
                    w.gather(extended, offset + first * stride, stride, len, t.nextRowOffset);
                    ev.run(0, len, (c, r) -> {
                    });
                    for (int k = 0; k < kinds; k++) {
                        if (!present[k] && k != ConstraintKind.EVERY_ROW.ordinal()) {
                            continue;
                        }
                        w.acc[k][0].clear(len);
                        w.acc[k][1].clear(len);
                    }
                    // λ^i·c_i summed per kind, unreduced
                    for (int i = 0; i < kind.length; i++) {
                        ev.addWeighted(i, coeff0[i], coeff1[i], coeff1W[i], w.acc[kind[i]][0], w.acc[kind[i]][1], len);
                    }
                    // the divisors' factors, only for the kinds the table has (cyclic tables have none)
                    if (hasTransition || hasFirst || hasLast) {
                        long x = Goldilocks.mul(start, Goldilocks.pow(omega, first));
                        for (int j = 0; j < len; j++) {
                            w.xLast[j] = Goldilocks.sub(x, lastRow);
                            w.invFirst[j] = Goldilocks.sub(x, 1);
                            w.invLast[j] = w.xLast[j];
                            x = Goldilocks.mul(x, omega);
                        }
                        if (hasFirst) {
                            Goldilocks.batchInverseInPlace(w.invFirst, 0, len);
                        }
                        if (hasLast) {
                            Goldilocks.batchInverseInPlace(w.invLast, 0, len);
                        }
                    }
                    DotProducts.Sums[] every = w.acc[ConstraintKind.EVERY_ROW.ordinal()];
                    DotProducts.Sums[] trans = w.acc[ConstraintKind.TRANSITION.ordinal()];
                    DotProducts.Sums[] firstRow = w.acc[ConstraintKind.FIRST_ROW.ordinal()];
                    DotProducts.Sums[] lastRowKind = w.acc[ConstraintKind.LAST_ROW.ordinal()];
                    int periodMask = period - 1;
                    for (int c = 0; c < 2; c++) {
                        long[] out = c == 0 ? out0 : out1;
                        DotProducts.Sums e = every[c];
                        for (int j = 0; j < len; j++) {
                            // every-row and transition share 1/(x^n - 1); a transition also has (x - ω^(n-1))
                            long r = e.get(j);
                            if (hasTransition) {
                                r = Goldilocks.add(r, Goldilocks.mul(w.xLast[j], trans[c].get(j)));
                            }
                            r = Goldilocks.mul(r, invVanishing[(first + j) & periodMask]);
                            if (hasFirst) {
                                r = Goldilocks.add(r, Goldilocks.mul(firstRow[c].get(j), w.invFirst[j]));
                            }
                            if (hasLast) {
                                r = Goldilocks.add(r, Goldilocks.mul(lastRowKind[c].get(j), w.invLast[j]));
                            }
                            out[first + j] = r;
                        }
                    }
                });
        return new long[][] {out0, out1};
    }

    /** One worker's gathered points, evaluator and block-sized scratch arrays. */
    private static final class Scratch {
        /** Per column: the block's points in [0, BLOCK), their next rows in [BLOCK, 2·BLOCK). */
        final long[][] gathered;
        final BlockEvaluator evaluator;
        /** {@code acc[kind][coordinate]}: the λ-weighted sums of the constraints of one kind, unreduced. */
        final DotProducts.Sums[][] acc;
        final long[] xLast = new long[BlockEvaluator.BLOCK];
        final long[] invFirst = new long[BlockEvaluator.BLOCK];
        final long[] invLast = new long[BlockEvaluator.BLOCK];

        Scratch(Program program, int columns, Ext2[] challenges, int kinds) {
            this.gathered = new long[columns][2 * BlockEvaluator.BLOCK];
            this.evaluator = new BlockEvaluator(program, gathered, challenges, BlockEvaluator.BLOCK);
            this.acc = new DotProducts.Sums[kinds][2];
            for (DotProducts.Sums[] pair : acc) {
                pair[0] = new DotProducts.Sums(BlockEvaluator.BLOCK);
                pair[1] = new DotProducts.Sums(BlockEvaluator.BLOCK);
            }
        }

        /**
         * Copies {@code count} values of every column, every {@code stride}-th from {@code start},
         * and those {@code next} further (their next rows).
         */
        void gather(long[][] columns, int start, int stride, int count, int next) {
            for (int c = 0; c < columns.length; c++) {
                long[] src = columns[c];
                long[] dst = gathered[c];
                for (int j = 0, i = start; j < count; j++, i += stride) {
                    dst[j] = src[i];
                    dst[BlockEvaluator.BLOCK + j] = src[i + next];
                }
            }
        }
    }

    /** Interpolates values on the coset {@code shift·⟨ω⟩} (natural order) in place into coefficients. */
    static void interpolate(long[] v, long shift) {
        Ntt.inverse(v);
        long shiftInverse = Goldilocks.inverse(shift);
        long s = 1;
        for (int i = 0; i < v.length; i++) {
            v[i] = Goldilocks.mul(v[i], s); // the transform gives C(shift·y): divide coefficient i by shift^i
            s = Goldilocks.mul(s, shiftInverse);
        }
    }

    /**
     * Cuts the coefficients at multiples of P: chunk j holds coefficients {@code [jP, (j+1)P)}, the
     * last one all from {@code (chunks-1)·P} to the composition's bound.
     */
    static long[][] split(long[][] coefficients, TableShape t) {
        int p = t.polyRows;
        int bound = t.compositionBound;
        int chunks = t.chunks;
        long[][] out = new long[2 * chunks][];
        for (int coord = 0; coord < 2; coord++) {
            long[] v = coefficients[coord];
            for (int i = bound; i < v.length; i++) {
                if (v[i] != 0) {
                    throw new IllegalStateException("table " + t.air.table().name() + ": the composition polynomial has"
                            + " degree " + i + ", beyond its bound " + bound + ": the trace breaks a constraint");
                }
            }
            for (int j = 0; j < chunks; j++) {
                int from = Math.min(j * p, v.length);
                int to = j + 1 < chunks ? (j + 1) * p : Math.max(from, Math.min(bound, v.length));
                out[2 * j + coord] = Arrays.copyOfRange(v, from, Math.max(to, from + 1));
            }
        }
        return out;
    }
}
