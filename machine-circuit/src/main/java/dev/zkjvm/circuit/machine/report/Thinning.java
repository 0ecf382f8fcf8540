package dev.zkjvm.circuit.machine.report;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Picks the points a large trace's plots show, so that the page stays small. Deterministic: the
 * same input always gives the same points.
 *
 * <p>Memory accesses: the time axis is cut into buckets of consecutive records, the cell axis
 * into levels, and the first record of each occupied (bucket, level, read/write) box is kept. It
 * starts at {@value #MOST_BUCKETS} buckets (about a pixel column each) and {@value #MOST_LEVELS}
 * levels and halves the buckets and the levels in turn until the points fit the cap. Unlike taking
 * every k-th record, this cannot fall in step with a loop and hide a whole region of cells.
 *
 * <p>Stack depth: steps are cut into buckets and the lowest and the highest depth of each bucket
 * are kept, so peaks and troughs survive.
 *
 * <p>Rows named in {@code keep} (the failing ones) are always kept, over the cap.
 */
final class Thinning {
    static final int MOST_BUCKETS = 2048;
    static final int FEWEST_BUCKETS = 128;
    static final int MOST_LEVELS = 256;

    /**
     * The records picked to plot.
     *
     * @param rows    the records, ascending
     * @param buckets the time buckets used (0: all records kept)
     * @param levels  the cell levels used (0: all records kept)
     */
    record Picked(int[] rows, int buckets, int levels) {
    }

    private Thinning() {
    }

    /**
     * Records to plot: all of them if there are at most {@code cap}.
     *
     * @param y     where each record is drawn on the cell axis, 0 to {@code height}
     * @param write whether each record is a write
     */
    static Picked records(double[] y, boolean[] write, double height, int cap, int[] keep) {
        int n = y.length;
        if (n <= cap) {
            return new Picked(identity(n), 0, 0);
        }
        int buckets = MOST_BUCKETS;
        int levels = MOST_LEVELS;
        boolean timeNext = true;
        while (true) {
            int[] picked = boxes(y, write, height, buckets, levels, cap);
            if (picked != null) {
                return new Picked(union(picked, keep), buckets, levels);
            }
            // Coarsen time and cells in turn, time first, so that neither collapses alone.
            boolean coarserTime = buckets > FEWEST_BUCKETS && (timeNext || levels == 1);
            timeNext = !timeNext;
            if (coarserTime) {
                buckets /= 2;
            } else if (levels > 1) {
                levels /= 2;
            } else {
                // One level: at most 2 points per bucket, which always fits a cap of 2 * FEWEST_BUCKETS.
                return new Picked(union(boxes(y, write, height, buckets, 1, Integer.MAX_VALUE), keep), buckets, 1);
            }
        }
    }

    private static int[] boxes(double[] y, boolean[] write, double height, int buckets, int levels, int cap) {
        int n = y.length;
        int[] out = new int[Math.min(n, cap)];
        int count = 0;
        BitSet seen = new BitSet(2 * levels);
        long bucket = -1;
        for (int i = 0; i < n; i++) {
            long b = (long) i * buckets / n;
            if (b != bucket) {
                bucket = b;
                seen.clear();
            }
            int level = (int) Math.min(levels - 1, Math.max(0, Math.floor(y[i] / height * levels)));
            int box = 2 * level + (write[i] ? 1 : 0);
            if (!seen.get(box)) {
                seen.set(box);
                if (count == out.length) {
                    return null;
                }
                out[count++] = i;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** Steps to plot, ascending: all of them if there are at most {@code cap}. */
    static int[] steps(long[] depth, int steps, int cap, int[] keep) {
        if (steps <= cap) {
            return identity(steps);
        }
        int buckets = cap / 2;
        int[] out = new int[2 * buckets];
        int count = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * steps / buckets);
            int to = (int) ((long) (b + 1) * steps / buckets);
            if (from >= to) {
                continue;
            }
            int lo = from;
            int hi = from;
            for (int s = from + 1; s < to; s++) {
                if (depth[s] < depth[lo]) {
                    lo = s;
                }
                if (depth[s] > depth[hi]) {
                    hi = s;
                }
            }
            out[count++] = Math.min(lo, hi);
            if (lo != hi) {
                out[count++] = Math.max(lo, hi);
            }
        }
        return union(Arrays.copyOf(out, count), keep);
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    /** The sorted union of two index sets, without repeats. */
    static int[] union(int[] a, int[] b) {
        int[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return Arrays.stream(all).sorted().distinct().toArray();
    }
}
