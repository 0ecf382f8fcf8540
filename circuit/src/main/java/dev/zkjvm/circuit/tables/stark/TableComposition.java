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
 * apply at its height, evaluated on all n·b points of its coset, interpolated and cut into chunks
 * {@code H_j} of degree below n with {@code C(y) = Σ_j y^(j·n)·H_j(y)}.
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
        return split(values(t, extended, blowup, challenges, lambda), t.rows, t.chunks, t.air.table().name());
    }

    /** C on the table's coset of n·b points, natural order, as {c0, c1}. */
    static long[][] values(TableShape t, long[][] extended, int blowup, Ext2[] challenges, Ext2 lambda) {
        List<Constraint> cs = t.constraints;
        List<Expr> exprs = new ArrayList<>();
        for (Constraint c : cs) {
            exprs.add(c.expr());
        }
        Program program = ProgramCompiler.compileValues(exprs);
        int n = t.rows;
        int size = n * blowup;
        int logSize = t.logRows + Integer.numberOfTrailingZeros(blowup);
        long omega = TwoAdic.rootOfUnity(logSize);
        long lastRow = TwoAdic.inverseRootOfUnity(t.logRows);
        Ext2[] powers = new Ext2[cs.size()];
        Ext2 p = Ext2.ONE;
        for (int i = 0; i < powers.length; i++) {
            powers[i] = p;
            p = p.mul(lambda);
        }
        long[] out0 = new long[size];
        long[] out1 = new long[size];
        int blocks = (size + BlockEvaluator.BLOCK - 1) / BlockEvaluator.BLOCK;
        Parallel.forChunks(blocks, Parallel.parallelism(),
                () -> new BlockEvaluator(program, extended, challenges, blowup), (ev, b) -> {
                    int first = b * BlockEvaluator.BLOCK;
                    int len = Math.min(BlockEvaluator.BLOCK, size - first);
                    ev.run(first, len, (c, r) -> {
                    });
                    long x = Goldilocks.mul(TwoAdic.GENERATOR, Goldilocks.pow(omega, first));
                    for (int j = 0; j < len; j++) {
                        long xn1 = Goldilocks.sub(Goldilocks.pow(x, n), 1);
                        long xLast = Goldilocks.sub(x, lastRow);
                        long invEvery = Goldilocks.inverse(xn1);
                        long invTransition = Goldilocks.mul(xLast, invEvery);
                        long invFirst = Goldilocks.inverse(Goldilocks.sub(x, 1));
                        long invLast = Goldilocks.inverse(xLast);
                        long r0 = 0;
                        long r1 = 0;
                        for (int i = 0; i < cs.size(); i++) {
                            long[] a0 = ev.outputArray(i, 0);
                            long[] a1 = ev.outputArray(i, 1);
                            long v0 = a0[ev.outputOffset(i, 0) + j];
                            long v1 = a1 == null ? 0 : a1[ev.outputOffset(i, 1) + j];
                            long inv = switch (cs.get(i).kind()) {
                                case EVERY_ROW -> invEvery;
                                case TRANSITION -> invTransition;
                                case FIRST_ROW -> invFirst;
                                case LAST_ROW -> invLast;
                            };
                            long w0 = Ext2.mulC0(v0, v1, powers[i].c0(), powers[i].c1());
                            long w1 = Ext2.mulC1(v0, v1, powers[i].c0(), powers[i].c1());
                            r0 = Goldilocks.add(r0, Goldilocks.mul(w0, inv));
                            r1 = Goldilocks.add(r1, Goldilocks.mul(w1, inv));
                        }
                        out0[first + j] = r0;
                        out1[first + j] = r1;
                        x = Goldilocks.mul(x, omega);
                    }
                });
        return new long[][] {out0, out1};
    }

    /** Interpolates coset values of {@code 7·⟨ω⟩} and cuts the coefficients into chunks of n. */
    static long[][] split(long[][] values, int n, int chunks, String table) {
        long[][] out = new long[2 * chunks][];
        long shiftInverse = Goldilocks.inverse(TwoAdic.GENERATOR);
        for (int coord = 0; coord < 2; coord++) {
            long[] v = values[coord];
            Ntt.inverse(v);
            long s = 1;
            for (int i = 0; i < v.length; i++) {
                v[i] = Goldilocks.mul(v[i], s); // coefficients of C(7·y): divide coefficient i by 7^i
                s = Goldilocks.mul(s, shiftInverse);
            }
            for (int i = chunks * n; i < v.length; i++) {
                if (v[i] != 0) {
                    throw new IllegalStateException("table " + table + ": the composition polynomial has degree " + i
                            + ", beyond its bound " + (chunks * n) + ": the trace breaks a constraint");
                }
            }
            for (int j = 0; j < chunks; j++) {
                out[2 * j + coord] = Arrays.copyOfRange(v, j * n, (j + 1) * n);
            }
        }
        return out;
    }
}
