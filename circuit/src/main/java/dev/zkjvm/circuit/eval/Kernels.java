package dev.zkjvm.circuit.eval;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;

/** The element-wise loops behind each opcode; written flat so the JIT can keep them tight. */
final class Kernels {
    private Kernels() {
    }

    static void add(long[] d, long[] a, int ao, long[] b, int bo, int len) {
        for (int k = 0; k < len; k++) {
            d[k] = Goldilocks.add(a[ao + k], b[bo + k]);
        }
    }

    static void sub(long[] d, long[] a, int ao, long[] b, int bo, int len) {
        for (int k = 0; k < len; k++) {
            d[k] = Goldilocks.sub(a[ao + k], b[bo + k]);
        }
    }

    static void mul(long[] d, long[] a, int ao, long[] b, int bo, int len) {
        for (int k = 0; k < len; k++) {
            d[k] = Goldilocks.mul(a[ao + k], b[bo + k]);
        }
    }

    static void neg(long[] d, long[] a, int ao, int len) {
        for (int k = 0; k < len; k++) {
            d[k] = Goldilocks.neg(a[ao + k]);
        }
    }

    static void emul(long[] d0, long[] d1, long[] a0, int a0o, long[] a1, int a1o, long[] b0, int b0o, long[] b1,
            int b1o, int len) {
        for (int k = 0; k < len; k++) {
            long x0 = a0[a0o + k];
            long x1 = a1[a1o + k];
            long y0 = b0[b0o + k];
            long y1 = b1[b1o + k];
            d0[k] = Ext2.mulC0(x0, x1, y0, y1);
            d1[k] = Ext2.mulC1(x0, x1, y0, y1);
        }
    }

    /** Reports every k with a[ao + k] != 0 as a failure of {@code constraint} at row {@code start + k}. */
    static void check(long[] a, int ao, int len, int start, int constraint, FailureSink sink) {
        for (int k = 0; k < len; k++) {
            if (a[ao + k] != 0) {
                sink.fail(constraint, start + k);
            }
        }
    }

    static void check2(long[] a, int ao, long[] b, int bo, int len, int start, int constraint, FailureSink sink) {
        for (int k = 0; k < len; k++) {
            if ((a[ao + k] | b[bo + k]) != 0) {
                sink.fail(constraint, start + k);
            }
        }
    }

    static void checkNonZeroProduct(long[] a, int ao, long[] b, int bo, long[] c, int co, long[] d, int dOff, int len,
            int start, int constraint, FailureSink sink) {
        for (int k = 0; k < len; k++) {
            if (a[ao + k] != 0 && b[bo + k] != 0 && c[co + k] != 0 && d[dOff + k] != 0) {
                sink.fail(constraint, start + k);
            }
        }
    }

    static void checkNonZeroProduct2(long[] a0, int a0o, long[] a1, int a1o, long[] b0, int b0o, long[] b1, int b1o,
            int len, int start, int constraint, FailureSink sink) {
        for (int k = 0; k < len; k++) {
            if ((a0[a0o + k] | a1[a1o + k]) != 0 && (b0[b0o + k] | b1[b1o + k]) != 0) {
                sink.fail(constraint, start + k);
            }
        }
    }

    static void checkEqual(long[] a, int ao, long[] b, int bo, int len, int start, int constraint, FailureSink sink) {
        for (int k = 0; k < len; k++) {
            if (a[ao + k] != b[bo + k]) {
                sink.fail(constraint, start + k);
            }
        }
    }

    static void checkEqual2(long[] a0, int a0o, long[] a1, int a1o, long[] b0, int b0o, long[] b1, int b1o, int len,
            int start, int constraint, FailureSink sink) {
        for (int k = 0; k < len; k++) {
            if (a0[a0o + k] != b0[b0o + k] || a1[a1o + k] != b1[b1o + k]) {
                sink.fail(constraint, start + k);
            }
        }
    }
}
