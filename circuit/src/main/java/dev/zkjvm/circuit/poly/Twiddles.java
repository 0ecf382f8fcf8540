package dev.zkjvm.circuit.poly;

import dev.zkjvm.circuit.field.Goldilocks;

/**
 * The cache of NTT twiddle factors, shared by all threads.
 *
 * <p>The table for size {@code N} stores, for every power of two {@code m < N} and every
 * {@code j < m}, the factor {@code ω_{2m}^j} at index {@code m + j} (index 0 is unused). The
 * butterflies of one stage therefore read consecutive entries. The entries do not depend on
 * {@code N}, so the table of the largest size requested so far serves every smaller transform:
 * the cache keeps that one table (8·N bytes) and replaces it by a larger one when needed.
 * A table is built once, sequentially, under a lock (about 5 ns per entry).
 */
final class Twiddles {
    private static final Object LOCK = new Object();
    private static volatile long[] table = {0, Goldilocks.ONE};

    private Twiddles() {
    }

    /** Returns a table valid for transforms of size up to at least {@code n} (a power of two). */
    static long[] forSize(int n) {
        long[] t = table;
        if (t.length >= n) {
            return t;
        }
        synchronized (LOCK) {
            t = table;
            if (t.length < n) {
                t = build(n);
                table = t; // volatile write publishes the filled array
            }
            return t;
        }
    }

    private static long[] build(int n) {
        int logN = TwoAdic.log2(n);
        long[] t = new long[n];
        long omega = TwoAdic.rootOfUnity(logN);
        int half = n >>> 1;
        // sequential on purpose: this runs under LOCK, and pool workers may be blocked on LOCK
        long acc = Goldilocks.ONE;
        for (int j = 0; j < half; j++) {
            t[half + j] = acc;
            acc = Goldilocks.mul(acc, omega);
        }
        // ω_{2m}^j = ω_{4m}^{2j}: each lower stage takes every other entry of the one above
        for (int m = half >>> 1; m >= 1; m >>>= 1) {
            for (int j = 0; j < m; j++) {
                t[m + j] = t[2 * m + 2 * j];
            }
        }
        return t;
    }
}
