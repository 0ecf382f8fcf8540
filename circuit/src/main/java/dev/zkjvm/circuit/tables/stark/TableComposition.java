package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.eval.BlockEvaluator;
import dev.zkjvm.circuit.eval.Program;
import dev.zkjvm.circuit.eval.ProgramCompiler;
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
 * apply at its height, evaluated on a sub-coset of its coset large enough to determine it,
 * interpolated and cut into chunks {@code H_j} at multiples of the table's domain P, with
 * {@code C(y) = Σ_j y^(j·P)·H_j(y)} (the last chunk takes the rest, up to the table's slack).
 */
final class TableComposition {
    private TableComposition() {
    }

    /**
     * @param extended every column of the table's AIR on the coset, by AIR column index, each with the
     *     {@code b} repeated values (see {@link TableLde})
     * @param challenges α, β and the table's share
     * @return the chunks' coefficients as base columns {@code H_0.c0, H_0.c1, H_1.c0, ...}
     * @throws IllegalStateException if the composition's degree exceeds the chunks (the trace breaks
     *     a constraint)
     */
    static long[][] chunks(TableShape t, long[][] extended, int blowup, Ext2[] challenges, Ext2 lambda) {
        return split(values(t, extended, blowup, challenges, lambda), t);
    }

    /**
     * C on the smallest sub-coset {@code 7·⟨ω_S⟩} of the table's coset that determines it (S the
     * power of two at least its degree bound and n; every (L/S)-th point), natural order, as {c0, c1}.
     */
    static long[][] values(TableShape t, long[][] extended, int blowup, Ext2[] challenges, Ext2 lambda) {
        List<Constraint> cs = t.constraints;
        List<Expr> exprs = new ArrayList<>();
        for (Constraint c : cs) {
            exprs.add(c.expr());
        }
        Program program = ProgramCompiler.compileValues(exprs);
        int n = t.rows;
        int logSize = 32 - Integer.numberOfLeadingZeros(Math.max(t.compositionBound, n) - 1); // ceil(log2)
        int size = 1 << logSize;
        int stride = t.ldeSize / size;
        int evalBlowup = size / n; // the next row, in points of the sub-coset
        long omega = TwoAdic.rootOfUnity(logSize);
        long lastRow = TwoAdic.inverseRootOfUnity(t.logRows);
        Ext2[] powers = new Ext2[cs.size()];
        Ext2 p = Ext2.ONE;
        for (int i = 0; i < powers.length; i++) {
            powers[i] = p;
            p = p.mul(lambda);
        }
        // x^n - 1 takes only E/n values on the sub-coset: x^n = 7^n·ω_(E/n)^i at its point i.
        long[] invVanishing = new long[evalBlowup];
        long shiftN = Goldilocks.pow(TwoAdic.GENERATOR, n);
        long rootB = Goldilocks.pow(omega, n);
        for (int i = 0; i < evalBlowup; i++) {
            invVanishing[i] = Goldilocks.inverse(Goldilocks.sub(Goldilocks.mul(shiftN, Goldilocks.pow(rootB, i)), 1));
        }
        int[] kind = new int[cs.size()];
        for (int i = 0; i < kind.length; i++) {
            kind[i] = cs.get(i).kind().ordinal();
        }
        int kinds = dev.zkjvm.circuit.air.ConstraintKind.values().length;
        long[] out0 = new long[size];
        long[] out1 = new long[size];
        int blocks = (size + BlockEvaluator.BLOCK - 1) / BlockEvaluator.BLOCK;
        Parallel.forChunks(blocks, Parallel.parallelism(),
                () -> new Scratch(program, extended.length, challenges, evalBlowup, kinds), (w, b) -> {
                    BlockEvaluator ev = w.evaluator;
                    int first = b * BlockEvaluator.BLOCK;
                    int len = Math.min(BlockEvaluator.BLOCK, size - first);
                    // the block's points and their next rows (the last ones wrap into the columns'
                    // repeated first values) gathered from the full coset, every stride-th
                    w.gather(extended, first * stride, stride, len + evalBlowup);
                    ev.run(0, len, (c, r) -> {
                    });
                    for (long[] a : w.acc) {
                        java.util.Arrays.fill(a, 0, len, 0L);
                    }
                    // λ^i·v_i summed per kind of constraint, coordinate by coordinate
                    for (int i = 0; i < kind.length; i++) {
                        long[] a0 = ev.outputArray(i, 0);
                        int o0 = ev.outputOffset(i, 0);
                        long[] a1 = ev.outputArray(i, 1);
                        int o1 = ev.outputOffset(i, 1);
                        long p0 = powers[i].c0();
                        long p1 = powers[i].c1();
                        long[] acc0 = w.acc[2 * kind[i]];
                        long[] acc1 = w.acc[2 * kind[i] + 1];
                        for (int j = 0; j < len; j++) {
                            long v0 = a0[o0 + j];
                            long v1 = a1 == null ? 0 : a1[o1 + j];
                            acc0[j] = Goldilocks.add(acc0[j], Ext2.mulC0(v0, v1, p0, p1));
                            acc1[j] = Goldilocks.add(acc1[j], Ext2.mulC1(v0, v1, p0, p1));
                        }
                    }
                    long x = Goldilocks.mul(TwoAdic.GENERATOR, Goldilocks.pow(omega, first));
                    for (int j = 0; j < len; j++) {
                        w.xLast[j] = Goldilocks.sub(x, lastRow);
                        w.invFirst[j] = Goldilocks.sub(x, 1);
                        w.invLast[j] = w.xLast[j];
                        x = Goldilocks.mul(x, omega);
                    }
                    Goldilocks.batchInverseInPlace(w.invFirst, 0, len);
                    Goldilocks.batchInverseInPlace(w.invLast, 0, len);
                    long[][] acc = w.acc;
                    int every = 2 * dev.zkjvm.circuit.air.ConstraintKind.EVERY_ROW.ordinal();
                    int trans = 2 * dev.zkjvm.circuit.air.ConstraintKind.TRANSITION.ordinal();
                    int firstRow = 2 * dev.zkjvm.circuit.air.ConstraintKind.FIRST_ROW.ordinal();
                    int lastRowKind = 2 * dev.zkjvm.circuit.air.ConstraintKind.LAST_ROW.ordinal();
                    for (int j = 0; j < len; j++) {
                        long z = invVanishing[(first + j) & (evalBlowup - 1)];
                        for (int c = 0; c < 2; c++) {
                            // every-row and transition share 1/(x^n - 1); a transition also has (x - ω^(n-1))
                            long r = Goldilocks.add(acc[every + c][j], Goldilocks.mul(w.xLast[j], acc[trans + c][j]));
                            r = Goldilocks.mul(r, z);
                            r = Goldilocks.add(r, Goldilocks.mul(acc[firstRow + c][j], w.invFirst[j]));
                            r = Goldilocks.add(r, Goldilocks.mul(acc[lastRowKind + c][j], w.invLast[j]));
                            (c == 0 ? out0 : out1)[first + j] = r;
                        }
                    }
                });
        return new long[][] {out0, out1};
    }

    /** One worker's gathered points, evaluator and block-sized scratch arrays. */
    private static final class Scratch {
        final long[][] gathered;
        final BlockEvaluator evaluator;
        /** {@code acc[2·kind + coordinate]}: the λ-weighted sums of the constraints of one kind. */
        final long[][] acc;
        final long[] xLast = new long[BlockEvaluator.BLOCK];
        final long[] invFirst = new long[BlockEvaluator.BLOCK];
        final long[] invLast = new long[BlockEvaluator.BLOCK];

        Scratch(Program program, int columns, Ext2[] challenges, int nextRowOffset, int kinds) {
            this.gathered = new long[columns][BlockEvaluator.BLOCK + nextRowOffset];
            this.evaluator = new BlockEvaluator(program, gathered, challenges, nextRowOffset);
            this.acc = new long[2 * kinds][BlockEvaluator.BLOCK];
        }

        /** Copies {@code count} values of every column, every {@code stride}-th from {@code start}. */
        void gather(long[][] columns, int start, int stride, int count) {
            for (int c = 0; c < columns.length; c++) {
                long[] src = columns[c];
                long[] dst = gathered[c];
                for (int j = 0, i = start; j < count; j++, i += stride) {
                    dst[j] = src[i];
                }
            }
        }
    }

    /** Interpolates values on the coset {@code 7·⟨ω⟩} (natural order) in place into coefficients. */
    static void interpolate(long[] v) {
        Ntt.inverse(v);
        long shiftInverse = Goldilocks.inverse(TwoAdic.GENERATOR);
        long s = 1;
        for (int i = 0; i < v.length; i++) {
            v[i] = Goldilocks.mul(v[i], s); // the transform gives C(7·y): divide coefficient i by 7^i
            s = Goldilocks.mul(s, shiftInverse);
        }
    }

    /**
     * Interpolates coset values of {@code 7·⟨ω⟩} and cuts the coefficients at multiples of P: chunk
     * j holds coefficients {@code [jP, (j+1)P)}, the last one all from {@code (chunks-1)·P} to the
     * composition's bound.
     */
    static long[][] split(long[][] values, TableShape t) {
        int p = t.polyRows;
        int bound = t.compositionBound;
        int chunks = t.chunks;
        long[][] out = new long[2 * chunks][];
        for (int coord = 0; coord < 2; coord++) {
            long[] v = values[coord];
            interpolate(v);
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
