package dev.zkjvm.circuit.poly;

import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.util.Parallel;

/**
 * In-place radix-2 number-theoretic transform over Goldilocks.
 *
 * <p>For {@code n = 2^k} and {@code ω = TwoAdic.rootOfUnity(k)}, {@link #forward(long[])} maps
 * coefficients {@code c} to evaluations {@code e[i] = Σ_j c[j]·ω^(ij) = p(ω^i)} and
 * {@link #inverse(long[])} maps them back. Both take and return natural order. The kernel is an
 * iterative decimation-in-time transform: a bit-reversal permutation, then one pass per stage.
 * The stages whose butterflies stay inside blocks of {@value #LOCAL_SIZE} elements run block by
 * block while the block is in cache. Transforms of at least {@value #PARALLEL_MIN} elements are
 * spread over the {@link Parallel} pool. Twiddles are computed once and cached for the
 * largest size used so far (8 bytes per element of that size; see {@code Twiddles}). All
 * methods are thread-safe for distinct arrays.
 *
 * <p>Sizes: any power of two that a Java array can hold, so k &le; 30 in practice; the field
 * itself allows k &le; 32 ({@link TwoAdic#TWO_ADICITY}). Inputs must be canonical.
 */
public final class Ntt {
    /** Elements per cache-resident block for the early stages (16 KiB of longs). */
    static final int LOCAL_SIZE = 1 << 11;
    /** Smallest size that is split across workers. */
    static final int PARALLEL_MIN = 1 << 13;

    private Ntt() {
    }

    /**
     * Replaces the coefficients in {@code a} by the evaluations on the subgroup of order
     * {@code a.length}: {@code a[i] := p(ω^i)}.
     *
     * @throws IllegalArgumentException if the length is not a power of two
     */
    public static void forward(long[] a) {
        int n = a.length;
        TwoAdic.log2(n);
        bitReverse(a, n);
        stages(a, n, 1);
    }

    /**
     * Replaces evaluations on the subgroup of order {@code a.length} (natural order) by the
     * coefficients of the unique polynomial of degree below {@code a.length} through them.
     *
     * <p>Uses {@code INTT(e)[k] = NTT(e)[-k mod n] / n}: a forward transform followed by one
     * pass that reverses indices 1..n-1 and scales by {@code 1/n}.
     *
     * @throws IllegalArgumentException if the length is not a power of two
     */
    public static void inverse(long[] a) {
        int n = a.length;
        forward(a);
        if (n == 1) {
            return;
        }
        long s = Goldilocks.inverse(n);
        int half = n >>> 1;
        Parallel.forRange(half + 1, grain(half + 1), (from, to) -> {
            for (int i = from; i < to; i++) {
                if (i == 0 || i == half) {
                    a[i] = Goldilocks.mul(a[i], s);
                } else {
                    int j = n - i;
                    long x = a[i];
                    a[i] = Goldilocks.mul(a[j], s);
                    a[j] = Goldilocks.mul(x, s);
                }
            }
        });
    }

    /**
     * Applies {@link #forward(long[])} to every column (columns may have different lengths).
     * With at least as many columns as workers, each worker transforms whole columns;
     * otherwise the columns are transformed one after another, each in parallel.
     */
    public static void forward(long[][] columns) {
        batch(columns, false);
    }

    /** Applies {@link #inverse(long[])} to every column, like {@link #forward(long[][])}. */
    public static void inverse(long[][] columns) {
        batch(columns, true);
    }

    private static void batch(long[][] columns, boolean inverse) {
        for (long[] c : columns) {
            TwoAdic.log2(c.length); // fail before any work
        }
        if (columns.length >= Parallel.parallelism()) {
            // nested Parallel calls from a pool worker run inline
            Parallel.forChunks(columns.length, Parallel.parallelism(), () -> null, (ignored, c) -> apply(columns[c], inverse));
        } else {
            for (long[] c : columns) {
                apply(c, inverse);
            }
        }
    }

    private static void apply(long[] a, boolean inverse) {
        if (inverse) {
            inverse(a);
        } else {
            forward(a);
        }
    }

    /** log2 of the tile side for the cache-friendly bit reversal: 16 longs, two cache lines. */
    private static final int TILE_LOG = 4;

    /**
     * Permutes {@code a[0..n)} into bit-reversed index order ({@code n} a power of two).
     *
     * <p>An index is split into its top {@code t} bits h, middle bits m and low {@code t} bits l
     * ({@code t = TILE_LOG}); its reversal is {@code (rev l, rev m, rev h)}. For each middle value
     * the 2^t × 2^t elements with that m are swapped with those of {@code rev m}: each side reads
     * 2^t short contiguous runs, so the permutation stays in cache instead of missing on every
     * element. Tiles are independent and spread over the workers.
     */
    static void bitReverse(long[] a, int n) {
        bitReverse(a, 0, n);
    }

    /** {@link #bitReverse(long[], int)} on {@code a[off..off+n)}. */
    static void bitReverse(long[] a, int off, int n) {
        if (n <= 2) {
            return;
        }
        int k = Integer.numberOfTrailingZeros(n);
        if (k < 2 * TILE_LOG + 1) {
            int shift = Integer.SIZE - k;
            for (int i = 0; i < n; i++) {
                int r = Integer.reverse(i) >>> shift;
                if (i < r) {
                    swap(a, off + i, off + r);
                }
            }
            return;
        }
        int t = TILE_LOG;
        int side = 1 << t;
        int midBits = k - 2 * t;
        int mids = 1 << midBits;
        int highShift = k - t;
        Parallel.forRange(mids, grain(n) >>> (2 * t), (from, to) -> {
            for (int m = from; m < to; m++) {
                int mr = Integer.reverse(m) >>> (Integer.SIZE - midBits);
                if (m > mr) {
                    continue; // the tile pair is handled from its smaller middle value
                }
                for (int h = 0; h < side; h++) {
                    int hr = Integer.reverse(h) >>> (Integer.SIZE - t);
                    int rowI = (h << highShift) | (m << t);
                    int rowJ = (mr << t) | hr;
                    for (int l = 0; l < side; l++) {
                        int i = rowI | l;
                        int j = ((Integer.reverse(l) >>> (Integer.SIZE - t)) << highShift) | rowJ;
                        if (m < mr || i < j) {
                            swap(a, off + i, off + j);
                        }
                    }
                }
            }
        });
    }

    private static void swap(long[] a, int i, int j) {
        long x = a[i];
        a[i] = a[j];
        a[j] = x;
    }

    /**
     * Runs the decimation-in-time stages with half-size {@code m = fromM, 2·fromM, ..., n/2} on
     * {@code a[0..n)}, which must be in bit-reversed order. Starting above 1 lets a caller skip
     * stages whose result it already knows (see {@link LowDegreeExtension}).
     */
    static void stages(long[] a, int n, int fromM) {
        if (fromM >= n) {
            return;
        }
        long[] tw = Twiddles.forSize(n);
        int block = Math.min(n, LOCAL_SIZE);
        if (fromM < block) {
            int blocks = n / block;
            int perTask = n < PARALLEL_MIN ? blocks : Math.max(1, blocks / (4 * Parallel.parallelism()));
            Parallel.forRange(blocks, perTask, (from, to) -> {
                for (int b = from; b < to; b++) {
                    localStages(a, b * block, block, fromM, tw);
                }
            });
        }
        int half = n >>> 1;
        for (int m = Math.max(block, fromM); m < n; m <<= 1) {
            int mm = m;
            Parallel.forRange(half, grain(half), (from, to) -> stage(a, mm, from, to, tw));
        }
    }

    /** All stages with {@code fromM <= m < len} inside {@code a[off..off+len)}. */
    private static void localStages(long[] a, int off, int len, int fromM, long[] tw) {
        int end = off + len;
        int m = fromM;
        if (m == 1) {
            for (int i = off; i < end; i += 2) {
                long u = a[i];
                long v = a[i + 1];
                a[i] = Goldilocks.add(u, v);
                a[i + 1] = Goldilocks.sub(u, v);
            }
            m = 2;
        }
        for (; m < len; m <<= 1) {
            for (int base = off; base < end; base += 2 * m) {
                // j = 0 has the twiddle 1: no product (1/m of this stage's products)
                long u0 = a[base];
                long v0 = a[base + m];
                a[base] = Goldilocks.add(u0, v0);
                a[base + m] = Goldilocks.sub(u0, v0);
                for (int j = 1; j < m; j++) {
                    int i = base + j;
                    long u = a[i];
                    long v = Goldilocks.mul(a[i + m], tw[m + j]);
                    a[i] = Goldilocks.add(u, v);
                    a[i + m] = Goldilocks.sub(u, v);
                }
            }
        }
    }

    /** Butterflies {@code [from, to)} of the stage with half-size {@code m}, numbered over the whole array. */
    private static void stage(long[] a, int m, int from, int to, long[] tw) {
        int logM = Integer.numberOfTrailingZeros(m);
        int t = from;
        while (t < to) {
            int blk = t >>> logM;
            int j = t & (m - 1);
            int stop = Math.min(to, (blk + 1) << logM);
            int i = (blk << (logM + 1)) + j;
            int k = m + j;
            for (; t < stop; t++, i++, k++) {
                long u = a[i];
                long v = Goldilocks.mul(a[i + m], tw[k]);
                a[i] = Goldilocks.add(u, v);
                a[i + m] = Goldilocks.sub(u, v);
            }
        }
    }

    /**
     * Decimation-in-frequency transform with the inverse root, unscaled: natural-order
     * evaluations in {@code a[0..n)} become {@code n·c[rev(i)]} at index i, where c are the
     * coefficients. Needs no bit-reversal pass (used by {@link LowDegreeExtension}).
     *
     * <p>The twiddle {@code ω_{2m}^-j} equals {@code -ω_{2m}^(m-j)}, i.e. minus table entry
     * {@code 2m - j}; the sign is absorbed by computing {@code (v - u)} instead of {@code (u - v)}.
     */
    static void inverseToBitReversed(long[] a, int n) {
        inverseToBitReversed(a, 0, n);
    }

    /** {@link #inverseToBitReversed(long[], int)} on {@code a[off..off+n)}. */
    static void inverseToBitReversed(long[] a, int off, int n) {
        if (n <= 1) {
            return;
        }
        long[] tw = Twiddles.forSize(n);
        int block = Math.min(n, LOCAL_SIZE);
        int half = n >>> 1;
        for (int m = half; m >= block; m >>>= 1) {
            int mm = m;
            Parallel.forRange(half, grain(half), (from, to) -> difStage(a, off, mm, from, to, tw));
        }
        int blocks = n / block;
        int perTask = n < PARALLEL_MIN ? blocks : Math.max(1, blocks / (4 * Parallel.parallelism()));
        Parallel.forRange(blocks, perTask, (from, to) -> {
            for (int b = from; b < to; b++) {
                int start = off + b * block;
                for (int m = block >>> 1; m >= 1; m >>>= 1) {
                    for (int base = start; base < start + block; base += 2 * m) {
                        difBlock(a, base, m, 0, m, tw);
                    }
                }
            }
        });
    }

    private static void difStage(long[] a, int off, int m, int from, int to, long[] tw) {
        int logM = Integer.numberOfTrailingZeros(m);
        int t = from;
        while (t < to) {
            int blk = t >>> logM;
            int j = t & (m - 1);
            int stop = Math.min(to, (blk + 1) << logM);
            difBlock(a, off + (blk << (logM + 1)), m, j, j + (stop - t), tw);
            t = stop;
        }
    }

    /** DIF butterflies {@code j in [j0, j1)} of the block of size 2m starting at {@code base}. */
    private static void difBlock(long[] a, int base, int m, int j0, int j1, long[] tw) {
        int j = j0;
        if (j == 0) {
            long u = a[base];
            long v = a[base + m];
            a[base] = Goldilocks.add(u, v);
            a[base + m] = Goldilocks.sub(u, v);
            j = 1;
        }
        for (int i = base + j, k = 2 * m - j; j < j1; j++, i++, k--) {
            long u = a[i];
            long v = a[i + m];
            a[i] = Goldilocks.add(u, v);
            a[i + m] = Goldilocks.mul(Goldilocks.sub(v, u), tw[k]);
        }
    }

    /** Indices per parallel task: one task below {@link #PARALLEL_MIN}, else about 4 per worker. */
    static int grain(int count) {
        return count < PARALLEL_MIN ? Math.max(1, count) : Math.max(1 << 12, count / (4 * Parallel.parallelism()));
    }
}
