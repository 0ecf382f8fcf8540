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
 * <p>Columns grow by chunks of 2^20 records, so a long trace is never copied: the first chunk
 * starts small and grows fourfold until it is full size (small machines stay small), every later
 * chunk is allocated full size. A machine's times are always 0, 1, 2, ...; the time column is
 * only stored once some record's time differs from its index (a hand-built trace).
 *
 * <p>Why chunks this large: a full chunk's {@code long} and {@code int} columns (8 and 4 MiB) are
 * humongous objects for G1 with regions of up to 16 MiB (its default for heaps up to 32 GiB).
 * G1 allocates those directly in the old generation and never copies them, whereas chunks of
 * 2^16 records were copied out of the young generation by every young collection: copying the
 * live trace took a fifth of the time of a long run. A dead trace's humongous chunks are
 * reclaimed at the next young collection when nothing in the old generation refers to them.
 *
 * @param <W> word type
 */
public final class TraceBuffer<W extends Word<W>> {
    private static final int SHIFT = 20;
    /** How much the first chunk grows at a time until it is full size. */
    private static final int FIRST_CHUNK_GROWTH = 4;
    /** Records per chunk (package-private so that tests can cross a chunk boundary). */
    static final int CHUNK = 1 << SHIFT;

    private final WordType<W> type;
    private final int limbs;
    private int size;
    private int chunks;
    private boolean timeIsIndex = true;
    private long[][] time = new long[4][];
    private int[][] stackDepth = new int[4][];
    private byte[][] flag = new byte[4][];
    private long[][] address = new long[4][];
    private long[][] value = new long[4][];
    private long[][] step = new long[4][];
    private int[][] opcode = new int[4][];

    // The chunk being filled, and the next free entry in it.
    private long[] curTime;
    private int[] curDepth;
    private byte[] curFlag;
    private long[] curAddress;
    private long[] curValue;
    private long[] curStep;
    private int[] curOpcode;
    private int pos;

    /** An empty buffer with room for {@code capacity} records (at most one chunk) before it grows. */
    public TraceBuffer(WordType<W> type, int capacity) {
        this.type = type;
        this.limbs = type.limbs();
        addChunk(Math.max(16, Math.min(CHUNK, capacity)));
    }

    /** Number of records. */
    public int size() {
        return size;
    }

    /**
     * Appends a record whose value is one limb (32- and 64-bit words). {@code flags}: bit 0 set
     * for a write, {@link Trace#SECOND_CELL_BIT} for the second cell of an unaligned access.
     */
    public void append(long t, int depth, int flags, long addr, long v, long stepNo, int op) {
        if (pos == curDepth.length) {
            makeRoom();
        }
        int i = pos;
        if (!timeIsIndex || t != size) {
            storeTime(i, t);
        }
        curDepth[i] = depth;
        curFlag[i] = (byte) flags;
        curAddress[i] = addr;
        curValue[i * limbs] = v;
        curStep[i] = stepNo;
        curOpcode[i] = op;
        pos = i + 1;
        size++;
    }

    /** Appends a record whose value is {@code limbs} limbs read from {@code v} at {@code offset}. */
    public void append(long t, int depth, int flags, long addr, long[] v, int offset, long stepNo, int op) {
        if (pos == curDepth.length) {
            makeRoom();
        }
        int i = pos;
        if (!timeIsIndex || t != size) {
            storeTime(i, t);
        }
        curDepth[i] = depth;
        curFlag[i] = (byte) flags;
        curAddress[i] = addr;
        System.arraycopy(v, offset, curValue, i * limbs, limbs);
        curStep[i] = stepNo;
        curOpcode[i] = op;
        pos = i + 1;
        size++;
    }

    /** Appends a record with a word value. */
    public void append(long t, int depth, int flags, long addr, W v, long stepNo, int op) {
        if (limbs == 1) {
            append(t, depth, flags, addr, v.limb(0), stepNo, op);
        } else {
            long[] scratch = new long[limbs];
            type.toLimbs(v, scratch, 0);
            append(t, depth, flags, addr, scratch, 0, stepNo, op);
        }
    }

    /** Drops every record from index {@code newSize} on. */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("cannot truncate a trace of " + size + " to " + newSize);
        }
        if (newSize == size) {
            return;
        }
        int chunk = newSize == 0 ? 0 : (newSize - 1) >>> SHIFT;
        for (int c = chunk + 1; c < chunks; c++) {
            time[c] = null;
            stackDepth[c] = null;
            flag[c] = null;
            address[c] = null;
            value[c] = null;
            step[c] = null;
            opcode[c] = null;
        }
        chunks = chunk + 1;
        select(chunk);
        pos = newSize - (chunk << SHIFT);
        size = newSize;
    }

    /** Stores a time that is not its record's index, switching the time column on first. */
    private void storeTime(int i, long t) {
        if (timeIsIndex) {
            timeIsIndex = false;
            for (int c = 0; c < chunks; c++) {
                long[] column = new long[stackDepth[c].length];
                for (int k = 0; k < column.length; k++) {
                    column[k] = ((long) c << SHIFT) + k;
                }
                time[c] = column;
            }
            curTime = time[chunks - 1];
        }
        curTime[i] = t;
    }

    /** A view of the records so far. */
    public Trace<W> snapshot() {
        return new Trace<>(type, size, SHIFT, timeIsIndex ? null : Arrays.copyOf(time, chunks),
                Arrays.copyOf(stackDepth, chunks),
                Arrays.copyOf(flag, chunks), Arrays.copyOf(address, chunks), Arrays.copyOf(value, chunks),
                Arrays.copyOf(step, chunks), Arrays.copyOf(opcode, chunks));
    }

    private void makeRoom() {
        if (curDepth.length < CHUNK) {
            // Only the first chunk is ever short: grow it in place (fourfold rather than twofold, so
            // that reaching the full size copies fewer records).
            int n = Math.min(CHUNK, curDepth.length * FIRST_CHUNK_GROWTH);
            time[0] = timeIsIndex ? null : Arrays.copyOf(curTime, n);
            stackDepth[0] = Arrays.copyOf(curDepth, n);
            flag[0] = Arrays.copyOf(curFlag, n);
            address[0] = Arrays.copyOf(curAddress, n);
            value[0] = Arrays.copyOf(curValue, n * limbs);
            step[0] = Arrays.copyOf(curStep, n);
            opcode[0] = Arrays.copyOf(curOpcode, n);
            select(0);
            return;
        }
        if (size > Integer.MAX_VALUE - CHUNK) {
            throw new IllegalStateException("trace too long: " + size + " records");
        }
        addChunk(CHUNK);
        pos = 0;
    }

    private void addChunk(int length) {
        if (chunks == time.length) {
            int n = chunks * 2;
            time = Arrays.copyOf(time, n);
            stackDepth = Arrays.copyOf(stackDepth, n);
            flag = Arrays.copyOf(flag, n);
            address = Arrays.copyOf(address, n);
            value = Arrays.copyOf(value, n);
            step = Arrays.copyOf(step, n);
            opcode = Arrays.copyOf(opcode, n);
        }
        int c = chunks++;
        time[c] = timeIsIndex ? null : new long[length];
        stackDepth[c] = new int[length];
        flag[c] = new byte[length];
        address[c] = new long[length];
        value[c] = new long[length * limbs];
        step[c] = new long[length];
        opcode[c] = new int[length];
        select(c);
    }

    private void select(int c) {
        curTime = time[c];
        curDepth = stackDepth[c];
        curFlag = flag[c];
        curAddress = address[c];
        curValue = value[c];
        curStep = step[c];
        curOpcode = opcode[c];
    }
}
