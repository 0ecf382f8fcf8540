package dev.zkjvm.circuit.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The byte encoding of a block of table rows inside a Merkle leaf, column by column: for each
 * column, one byte L (0..8), the number of significant bytes of the largest of the block's values
 * in that column, then each of the block's values in that column as its L low-order bytes,
 * little-endian.
 *
 * <p>Why: most witness cells are small (16-bit limbs, bits, counters), so the fixed 8 bytes per
 * cell of a plain encoding made SHA-256 hash mostly zero bytes; and a column-by-column layout lets
 * the encoder read each column sequentially. The encoding is injective for any 64-bit values,
 * small or not: for a known number of columns and rows, each L fixes where the column's values
 * are and how wide, and the bytes fix the values (every value fits in L bytes since L covers the
 * largest). A changed cell therefore always changes the leaf's bytes.
 */
final class LeafEncoding {
    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Bytes written past the end of the encoding by the 8-byte stores; a buffer needs this much spare room. */
    static final int SLACK = 8;

    private LeafEncoding() {
    }

    /** The largest encoding of {@code rows} rows of {@code width} columns. */
    static int maxBytes(int width, int rows) {
        return width * (1 + 8 * rows);
    }

    /** Significant bytes of {@code v} (0 for zero, 8 when the top byte is set). */
    static int byteLength(long v) {
        return (71 - Long.numberOfLeadingZeros(v)) >>> 3;
    }

    /** Writes a block of one value, as {@link #encodeColumn} would, and returns the position after it. */
    static int encodeValue(long v, byte[] buf, int pos) {
        int len = byteLength(v);
        buf[pos++] = (byte) len;
        LE_LONG.set(buf, pos, v);
        return pos + len;
    }

    /**
     * Writes one column's part of a block, {@code column[from..to)}, at {@code buf[pos..]} and
     * returns the position after it. {@code buf} needs {@code 1 + 8 * (to - from)} plus
     * {@link #SLACK} bytes from {@code pos}.
     */
    static int encodeColumn(long[] column, int from, int to, byte[] buf, int pos) {
        long any = 0;
        for (int r = from; r < to; r++) {
            any |= column[r];
        }
        int len = byteLength(any);
        buf[pos++] = (byte) len;
        if (len == 0) {
            return pos;
        }
        for (int r = from; r < to; r++) {
            // Each store writes 8 bytes; the next store overwrites the ones past the value.
            LE_LONG.set(buf, pos, column[r]);
            pos += len;
        }
        return pos;
    }
}
