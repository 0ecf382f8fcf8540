package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.ConstraintKind;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.eval.BlockEvaluator;
import dev.zkjvm.circuit.eval.Program;
import dev.zkjvm.circuit.eval.ProgramCompiler;
import dev.zkjvm.circuit.field.DotProducts;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.poly.TwoAdic;
import dev.zkjvm.circuit.util.Parallel;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the composition polynomial on every point of the evaluation coset:
 * <pre>
 *   C(x) = Σ_i α^i · c_i(x) / Z_i(x)
 * </pre>
 * over the constraints c_i in declaration order, with Z_i the vanishing polynomial of the rows the
 * constraint applies to: {@code x^n - 1} (every row), {@code (x^n - 1)/(x - ω^(n-1))}
 * (transitions), {@code x - 1} (first row), {@code x - ω^(n-1)} (last row). The constraints are
 * compiled once into a program that runs on blocks of coset points.
 *
 * <p>C has degree below {@code chunks·n}, so it is evaluated on the smallest sub-coset
 * {@code 7·⟨ω_E⟩} of the committed coset with {@code E >= chunks·n} (every s-th committed point,
 * s = N/E), not on all N points: with blowup 8 and 3 chunks, or blowup 4 and 2 chunks, that halves
 * the work. Each block
 * gathers its points' values (and the next row's, {@code E/n} gathered points further on) into
 * scratch columns first.
 */
final class CompositionEvaluator {
    private CompositionEvaluator() {
    }

    /**
     * @param columns {@code columns[columnIndex]}: every committed column's N coset values, each
     *     followed by the {@code blowup} values that repeat its first ones (see {@link LdeCommitment})
     * @param logEval log2 of the evaluation sub-coset's size E (n &lt;= E &lt;= N)
     * @return the values {c0, c1} on {@code 7·⟨ω_E⟩}, natural order (length E each)
     */
    static long[][] evaluate(ConstraintSystem system, long[][] columns, int logRows, int blowup,
            int logEval, Ext2[] challenges, Ext2 alpha) {
        List<Constraint> cs = system.constraints();
        List<Expr> exprs = new ArrayList<>(cs.size());
        for (Constraint c : cs) {
            exprs.add(c.expr());
        }
        Program program = ProgramCompiler.compileValues(exprs);
        int m = cs.size();
        long[] coeff0 = new long[m];
        long[] coeff1 = new long[m];
        long[] coeff1W = new long[m];
        int[] kind = new int[m];
        Ext2 power = Ext2.ONE;
        for (int i = 0; i < m; i++) {
            coeff0[i] = power.c0();
            coeff1[i] = power.c1();
            coeff1W[i] = Goldilocks.mul(power.c1(), Ext2.W);
            kind[i] = cs.get(i).kind().ordinal();
            power = power.mul(alpha);
        }
        int n = 1 << logRows;
        int logDomain = logRows + Integer.numberOfTrailingZeros(blowup);
        int stride = 1 << (logDomain - logEval);
        int evalBlowup = 1 << (logEval - logRows);
        int size = 1 << logEval;
        long omegaN = TwoAdic.rootOfUnity(logEval);
        long lastRow = TwoAdic.inverseRootOfUnity(logRows); // ω^(n-1) = ω^-1
        // x^n - 1 takes only blowup values on the coset: x^n = 7^n · ω_N^(n·i), ω_N^n of order blowup.
        long[] invVanishing = new long[evalBlowup];
        long shiftN = Goldilocks.pow(TwoAdic.GENERATOR, n);
        long rootB = Goldilocks.pow(omegaN, n);
        for (int b = 0; b < evalBlowup; b++) {
            invVanishing[b] = Goldilocks.inverse(Goldilocks.sub(Goldilocks.mul(shiftN, Goldilocks.pow(rootB, b)), 1));
        }
        long[] out0 = new long[size];
        long[] out1 = new long[size];
        int blocks = (size + BlockEvaluator.BLOCK - 1) / BlockEvaluator.BLOCK;
        Parallel.forChunks(blocks, Parallel.parallelism(), () -> new Worker(program, columns.length,
                challenges, evalBlowup), (w, chunk) -> {
                    int first = chunk * BlockEvaluator.BLOCK;
                    int len = Math.min(BlockEvaluator.BLOCK, size - first);
                    // the next row of the last points lies in the columns' repeated first values
                    w.gather(columns, first * stride, stride, len + evalBlowup);
                    BlockEvaluator ev = w.evaluator;
                    ev.run(0, len, (c, r) -> {
                    });
                    w.clear(len);
                    for (int i = 0; i < m; i++) {
                        ev.addWeighted(i, coeff0[i], coeff1[i], coeff1W[i], w.acc[kind[i]][0], w.acc[kind[i]][1], len);
                    }
                    long x = Goldilocks.mul(TwoAdic.GENERATOR, Goldilocks.pow(omegaN, first));
                    long[] xs = w.points;
                    long[] invFirst = w.invFirst;
                    long[] invLast = w.invLast;
                    for (int j = 0; j < len; j++) {
                        xs[j] = x;
                        invFirst[j] = Goldilocks.sub(x, 1);
                        invLast[j] = Goldilocks.sub(x, lastRow);
                        x = Goldilocks.mul(x, omegaN);
                    }
                    Goldilocks.batchInverseInPlace(invFirst, 0, len);
                    Goldilocks.batchInverseInPlace(invLast, 0, len);
                    DotProducts.Sums[] every = w.acc[ConstraintKind.EVERY_ROW.ordinal()];
                    DotProducts.Sums[] trans = w.acc[ConstraintKind.TRANSITION.ordinal()];
                    DotProducts.Sums[] firstRow = w.acc[ConstraintKind.FIRST_ROW.ordinal()];
                    DotProducts.Sums[] lastRowAcc = w.acc[ConstraintKind.LAST_ROW.ordinal()];
                    for (int j = 0; j < len; j++) {
                        int i = first + j;
                        long z = invVanishing[i & (evalBlowup - 1)];
                        long d = Goldilocks.sub(xs[j], lastRow);
                        long s0 = Goldilocks.add(every[0].get(j), Goldilocks.mul(d, trans[0].get(j)));
                        long s1 = Goldilocks.add(every[1].get(j), Goldilocks.mul(d, trans[1].get(j)));
                        long r0 = Goldilocks.mul(s0, z);
                        long r1 = Goldilocks.mul(s1, z);
                        r0 = Goldilocks.add(r0, Goldilocks.mul(firstRow[0].get(j), invFirst[j]));
                        r1 = Goldilocks.add(r1, Goldilocks.mul(firstRow[1].get(j), invFirst[j]));
                        r0 = Goldilocks.add(r0, Goldilocks.mul(lastRowAcc[0].get(j), invLast[j]));
                        r1 = Goldilocks.add(r1, Goldilocks.mul(lastRowAcc[1].get(j), invLast[j]));
                        out0[i] = r0;
                        out1[i] = r1;
                    }
                });
        return new long[][] {out0, out1};
    }

    /** One worker's gathered block of points, its evaluator over them, and accumulators. */
    private static final class Worker {
        final long[][] gathered;
        final BlockEvaluator evaluator;
        /** {@code acc[kind][coordinate]}: the α-weighted sums of the constraints of that kind. */
        final DotProducts.Sums[][] acc = new DotProducts.Sums[ConstraintKind.values().length][2];
        final long[] points = new long[BlockEvaluator.BLOCK];
        final long[] invFirst = new long[BlockEvaluator.BLOCK];
        final long[] invLast = new long[BlockEvaluator.BLOCK];

        Worker(Program program, int columns, Ext2[] challenges, int nextRowOffset) {
            gathered = new long[columns][BlockEvaluator.BLOCK + nextRowOffset];
            for (DotProducts.Sums[] kind : acc) {
                kind[0] = new DotProducts.Sums(BlockEvaluator.BLOCK);
                kind[1] = new DotProducts.Sums(BlockEvaluator.BLOCK);
            }
            evaluator = new BlockEvaluator(program, gathered, challenges, nextRowOffset);
        }

        /** Copies {@code count} points, every {@code stride}-th from {@code start}, of every column. */
        void gather(long[][] columns, int start, int stride, int count) {
            for (int c = 0; c < columns.length; c++) {
                long[] src = columns[c];
                long[] dst = gathered[c];
                if (stride == 1) {
                    System.arraycopy(src, start, dst, 0, count);
                } else {
                    for (int j = 0, i = start; j < count; j++, i += stride) {
                        dst[j] = src[i];
                    }
                }
            }
        }

        void clear(int len) {
            for (DotProducts.Sums[] kind : acc) {
                kind[0].clear(len);
                kind[1].clear(len);
            }
        }
    }
}
