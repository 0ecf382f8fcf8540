package dev.zkjvm.runtime.core;

import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;
import java.util.Arrays;

/**
 * The growable, columnar store behind a machine's trace. Appends write one entry into each
 * primitive column; {@link #snapshot()} hands out a {@link Trace} view without copying.
 * Also the way to build arbitrary traces, for example wrong ones in tests of a checker.
 *
 * @param <W> word type
 */
public final class TraceBuffer<W extends Word<W>> {
    private final WordType<W> type;
    private final int limbs;
    private int size;
    private long[] time;
    private int[] stackDepth;
    private byte[] flag;
    private long[] address;
    private long[] value;
    private long[] step;
    private int[] opcode;

    /** An empty buffer with room for {@code capacity} records before it grows. */
    public TraceBuffer(WordType<W> type, int capacity) {
        this.type = type;
        this.limbs = type.limbs();
        int c = Math.max(16, capacity);
        time = new long[c];
        stackDepth = new int[c];
        flag = new byte[c];
        address = new long[c];
        value = new long[c * limbs];
        step = new long[c];
        opcode = new int[c];
    }

    /** Number of records. */
    public int size() {
        return size;
    }

    /** Appends a record whose value is one limb (32- and 64-bit words). */
    public void append(long t, int depth, int rw, long addr, long v, long stepNo, int op) {
        int i = size;
        if (i == time.length) {
            grow();
        }
        time[i] = t;
        stackDepth[i] = depth;
        flag[i] = (byte) rw;
        address[i] = addr;
        value[i * limbs] = v;
        step[i] = stepNo;
        opcode[i] = op;
        size = i + 1;
    }

    /** Appends a record whose value is {@code limbs} limbs read from {@code v} at {@code offset}. */
    public void append(long t, int depth, int rw, long addr, long[] v, int offset, long stepNo, int op) {
        int i = size;
        if (i == time.length) {
            grow();
        }
        time[i] = t;
        stackDepth[i] = depth;
        flag[i] = (byte) rw;
        address[i] = addr;
        System.arraycopy(v, offset, value, i * limbs, limbs);
        step[i] = stepNo;
        opcode[i] = op;
        size = i + 1;
    }

    /** Appends a record with a word value. */
    public void append(long t, int depth, int rw, long addr, W v, long stepNo, int op) {
        if (limbs == 1) {
            append(t, depth, rw, addr, v.limb(0), stepNo, op);
        } else {
            long[] scratch = new long[limbs];
            type.toLimbs(v, scratch, 0);
            append(t, depth, rw, addr, scratch, 0, stepNo, op);
        }
    }

    /** Drops every record from index {@code newSize} on. */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("cannot truncate a trace of " + size + " to " + newSize);
        }
        size = newSize;
    }

    /** A view of the records so far. */
    public Trace<W> snapshot() {
        return new Trace<>(type, size, time, stackDepth, flag, address, value, step, opcode);
    }

    private void grow() {
        int c = time.length;
        if (c >= Integer.MAX_VALUE / 2 / Math.max(1, limbs)) {
            throw new IllegalStateException("trace too long: " + c + " records");
        }
        int n = c * 2;
        time = Arrays.copyOf(time, n);
        stackDepth = Arrays.copyOf(stackDepth, n);
        flag = Arrays.copyOf(flag, n);
        address = Arrays.copyOf(address, n);
        value = Arrays.copyOf(value, n * limbs);
        step = Arrays.copyOf(step, n);
        opcode = Arrays.copyOf(opcode, n);
    }
}
