package dev.zkjvm.runtime;

import java.util.AbstractList;
import java.util.List;

/**
 * An execution trace in time order, stored column by column on primitive arrays (no object per
 * record). A trace is a fixed-length view: the machine keeps appending to its own buffer, and
 * {@code machine.trace()} hands out a view of the records so far without copying.
 *
 * <p>Columns: time, stack depth (after the access), flags (bit 0: write; bit 1: second cell of an
 * unaligned, double-cell access, which always directly follows its first cell), cell byte address,
 * value (as {@link WordType#limbs()} 64-bit limbs, least significant first), step and opcode of
 * the instruction that made the access.
 *
 * @param <W> the machine's word type
 */
public class Trace<W extends Word<W>> {
    private final WordType<W> type;
    private final int limbs;
    private final int size;
    private final int shift;
    private final int mask;
    private final long[][] time;
    private final int[][] stackDepth;
    private final byte[][] flag;
    private final long[][] address;
    private final long[][] value;
    private final long[][] step;
    private final int[][] opcode;
    private final Streams<W> streams;

    /**
     * Wraps flat columns (not copied). Each array holds at least {@code size} entries,
     * {@code value} at least {@code size * type.limbs()}. A null {@code time} means record
     * {@code i} has time {@code i}.
     */
    public Trace(WordType<W> type, int size, long[] time, int[] stackDepth, byte[] flag, long[] address,
                 long[] value, long[] step, int[] opcode) {
        this(type, size, 31, time == null ? null : new long[][] {time}, new int[][] {stackDepth}, new byte[][] {flag},
                new long[][] {address}, new long[][] {value}, new long[][] {step}, new int[][] {opcode});
    }

    /**
     * Wraps chunked columns (not copied): record {@code i} is entry {@code i & (2^shift - 1)} of
     * chunk {@code i >>> shift}. Used by the machine's trace buffer, which grows by chunks. A null
     * {@code time} means record {@code i} has time {@code i}.
     */
    public Trace(WordType<W> type, int size, int shift, long[][] time, int[][] stackDepth, byte[][] flag,
                 long[][] address, long[][] value, long[][] step, int[][] opcode) {
        this(type, size, shift, time, stackDepth, flag, address, value, step, opcode, Streams.empty());
    }

    private Trace(WordType<W> type, int size, int shift, long[][] time, int[][] stackDepth, byte[][] flag,
                  long[][] address, long[][] value, long[][] step, int[][] opcode, Streams<W> streams) {
        this.streams = java.util.Objects.requireNonNull(streams, "streams");
        this.type = type;
        this.limbs = type.limbs();
        this.size = size;
        this.shift = shift;
        this.mask = (int) ((1L << shift) - 1);
        this.time = time;
        this.stackDepth = stackDepth;
        this.flag = flag;
        this.address = address;
        this.value = value;
        this.step = step;
        this.opcode = opcode;
    }

    /** A view of the same columns, for subclasses that add typed accessors. */
    protected Trace(Trace<W> other) {
        this(other.type, other.size, other.shift, other.time, other.stackDepth, other.flag, other.address,
                other.value, other.step, other.opcode, other.streams);
    }

    /**
     * The words the run read from its public input and advice and wrote to its output
     * ({@link Vm#input()}, {@link Vm#advice()}, {@link Vm#output}); they are no trace records.
     */
    public Streams<W> streams() {
        return streams;
    }

    /** The same records with other streams (a view; for tests and hand-built traces). */
    public Trace<W> withStreams(Streams<W> newStreams) {
        return new Trace<>(type, size, shift, time, stackDepth, flag, address, value, step, opcode, newStreams);
    }

    /** The word type of the values. */
    public WordType<W> wordType() {
        return type;
    }

    /** Number of records. */
    public int size() {
        return size;
    }

    /** Time of record {@code i}. */
    public long time(int i) {
        check(i);
        return time == null ? i : time[i >>> shift][i & mask];
    }

    /** Stack depth after record {@code i}'s access. */
    public int stackDepth(int i) {
        check(i);
        return stackDepth[i >>> shift][i & mask];
    }

    /** Flag bit set on the record of the second cell of an unaligned access. */
    public static final int SECOND_CELL_BIT = 2;

    /** 0 for a read, 1 for a write. */
    public int flag(int i) {
        check(i);
        return flag[i >>> shift][i & mask] & 1;
    }

    /**
     * All flag bits of record {@code i} as stored: bit 0 write, bit 1 ({@link #SECOND_CELL_BIT}) second
     * cell. A machine sets no other bit; a checker reads this to refuse a record that has one.
     */
    public int flags(int i) {
        check(i);
        return flag[i >>> shift][i & mask] & 0xFF;
    }

    /** Whether record {@code i} is the second cell of an unaligned access (the first is record {@code i - 1}). */
    public boolean secondCell(int i) {
        check(i);
        return (flag[i >>> shift][i & mask] & SECOND_CELL_BIT) != 0;
    }

    /** Read or write. */
    public MemoryInstruction instruction(int i) {
        return MemoryInstruction.ofFlag(flag(i));
    }

    /** Byte address of record {@code i}'s cell. */
    public long address(int i) {
        check(i);
        return address[i >>> shift][i & mask];
    }

    /** Limb {@code limb} (least significant first) of record {@code i}'s value. */
    public long valueLimb(int i, int limb) {
        check(i);
        return value[i >>> shift][(i & mask) * limbs + limb];
    }

    /** Record {@code i}'s value as a word. */
    public W value(int i) {
        check(i);
        return type.fromLimbs(value[i >>> shift], (i & mask) * limbs);
    }

    /** Step of the instruction that made record {@code i}, or -1 for a direct access. */
    public long step(int i) {
        check(i);
        return step[i >>> shift][i & mask];
    }

    /** Opcode of the instruction that made record {@code i}, or -1 for a direct access. */
    public int opcode(int i) {
        check(i);
        return opcode[i >>> shift][i & mask];
    }

    /** Record {@code i} as an object. */
    public AbstractTraceRecord<W> record(int i) {
        return new TraceRecord<>(time(i), stackDepth(i), instruction(i), address(i), value(i), step(i), opcode(i));
    }

    /** All records as a list of objects, made on demand. */
    public List<? extends AbstractTraceRecord<W>> records() {
        return new AbstractList<>() {
            @Override
            public AbstractTraceRecord<W> get(int index) {
                return record(index);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("record " + i + " of a trace of " + size);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("time  depth  op     address  value  step  opcode\n");
        int shown = Math.min(size, 50);
        for (int i = 0; i < shown; i++) {
            sb.append(String.format("%4d  %5d  %-5s  %7d  %s  %d  %d%n", time(i), stackDepth(i), instruction(i),
                    address(i), value(i), step(i), opcode(i)));
        }
        if (shown < size) {
            sb.append("... ").append(size - shown).append(" more\n");
        }
        return sb.toString();
    }
}
