package dev.zkjvm.circuit.field;

/**
 * Allocation-free operations on vectors of {@link Ext2} elements stored as two parallel base
 * columns ({@code c0[i] + c1[i]·x}). This is how extension-field columns are held in a trace.
 */
public final class Ext2Arrays {
    private Ext2Arrays() {
    }

    /** {@code out[i] = a[i] + b[i]} for i in [0, len). Outputs may alias inputs. */
    public static void add(long[] a0, long[] a1, long[] b0, long[] b1, long[] out0, long[] out1, int len) {
        for (int i = 0; i < len; i++) {
            out0[i] = Goldilocks.add(a0[i], b0[i]);
            out1[i] = Goldilocks.add(a1[i], b1[i]);
        }
    }

    /** {@code out[i] = a[i] - b[i]} for i in [0, len). Outputs may alias inputs. */
    public static void sub(long[] a0, long[] a1, long[] b0, long[] b1, long[] out0, long[] out1, int len) {
        for (int i = 0; i < len; i++) {
            out0[i] = Goldilocks.sub(a0[i], b0[i]);
            out1[i] = Goldilocks.sub(a1[i], b1[i]);
        }
    }

    /** {@code out[i] = a[i] · b[i]} for i in [0, len). Outputs may alias inputs. */
    public static void mul(long[] a0, long[] a1, long[] b0, long[] b1, long[] out0, long[] out1, int len) {
        for (int i = 0; i < len; i++) {
            long x0 = a0[i];
            long x1 = a1[i];
            long y0 = b0[i];
            long y1 = b1[i];
            out0[i] = Ext2.mulC0(x0, x1, y0, y1);
            out1[i] = Ext2.mulC1(x0, x1, y0, y1);
        }
    }

    /** {@code out[i] = a[i] · s[i]} for a base-field vector s. Outputs may alias inputs. */
    public static void mulBase(long[] a0, long[] a1, long[] s, long[] out0, long[] out1, int len) {
        for (int i = 0; i < len; i++) {
            long k = s[i];
            out0[i] = Goldilocks.mul(a0[i], k);
            out1[i] = Goldilocks.mul(a1[i], k);
        }
    }

    /**
     * Replaces every element of {@code [from, to)} by its inverse. Uses
     * {@code 1/a = conj(a)/norm(a)} and inverts all norms with one base-field batch inversion.
     *
     * @throws ArithmeticException if an element is zero
     */
    public static void batchInverseInPlace(long[] c0, long[] c1, int from, int to) {
        int len = to - from;
        if (len <= 0) {
            return;
        }
        long[] norms = new long[len];
        for (int i = 0; i < len; i++) {
            norms[i] = Ext2.norm(c0[from + i], c1[from + i]);
            if (norms[i] == 0) {
                throw new ArithmeticException("zero has no inverse in GF(p^2) (index " + (from + i) + ")");
            }
        }
        Goldilocks.batchInverseInPlace(norms, 0, len);
        for (int i = 0; i < len; i++) {
            long inv = norms[i];
            c0[from + i] = Goldilocks.mul(c0[from + i], inv);
            c1[from + i] = Goldilocks.neg(Goldilocks.mul(c1[from + i], inv));
        }
    }

    /**
     * Replaces base values {@code y_i} in {@code c0[from, to)} by {@code 1/(y_i - z)}, writing the
     * second coordinates to {@code c1}. Cheaper than {@link #batchInverseInPlace(long[], long[], int,
     * int)} because z's second coordinate is shared: {@code 1/(y - z) = ((y - z0) + z1·x)/N} with
     * {@code N = (y - z0)² - W·z1²}, so each element costs one square before the base inversion.
     *
     * @throws ArithmeticException if some {@code y_i} equals z
     */
    public static void inverseDifferencesInPlace(long[] c0, long[] c1, Ext2 z, int from, int to) {
        long z0 = z.c0();
        long z1 = z.c1();
        long wz1sq = Goldilocks.mul(Ext2.W, Goldilocks.square(z1));
        for (int i = from; i < to; i++) {
            long a = Goldilocks.sub(c0[i], z0);
            c0[i] = a;
            c1[i] = Goldilocks.sub(Goldilocks.square(a), wz1sq);
        }
        Goldilocks.batchInverseInPlace(c1, from, to);
        for (int i = from; i < to; i++) {
            long inv = c1[i];
            c0[i] = Goldilocks.mul(c0[i], inv);
            c1[i] = Goldilocks.mul(z1, inv);
        }
    }

    /** Inverts all elements in place (see {@link #batchInverseInPlace(long[], long[], int, int)}). */
    public static void batchInverseInPlace(long[] c0, long[] c1) {
        batchInverseInPlace(c0, c1, 0, c0.length);
    }

    /** Inverts an array of value-type elements, returning a new array. */
    public static Ext2[] batchInverse(Ext2[] values) {
        long[] c0 = new long[values.length];
        long[] c1 = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            c0[i] = values[i].c0();
            c1[i] = values[i].c1();
        }
        batchInverseInPlace(c0, c1);
        Ext2[] out = new Ext2[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = new Ext2(c0[i], c1[i]);
        }
        return out;
    }
}
