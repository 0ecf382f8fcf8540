package dev.zkjvm.example.circuit;

import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.core.TraceBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Copies a {@link Trace} into a new {@link TraceBuffer} with edits, for negative tests of a circuit.
 *
 * <pre>{@code
 * Trace<U64> bad = TraceEdits.of(trace).valueLimb(17, 0, 42).build();          // one field
 * Trace<U64> gone = TraceEdits.of(trace).delete(17).renumberTimes().build();    // one record less
 * Trace<U64> swapped = TraceEdits.of(trace).swap(17, 18).keepTimeColumn().build();
 * }</pre>
 *
 * <p>Positions are positions in the edited sequence at the moment of the call (after earlier
 * deletions, insertions and swaps). The circuit takes the trace's time column as it is, so
 * {@link #time} is a real edit; by default swapped, deleted and inserted records keep the times
 * they carry, {@link #renumberTimes()} rewrites the whole time column to 0, 1, 2, ... and
 * {@link #keepTimeColumn()} keeps the times at their positions while the records move.
 *
 * <p>The base trace is read, never changed; an editor is cheap (it stores only the changes) and
 * builds one edited trace per {@link #build()}.
 *
 * @param <W> word type
 */
final class TraceEdits<W extends Word<W>> {
    /** A whole record, for insertions and for records with changed fields. */
    static final class Rec {
        long time;
        int depth;
        int flags;
        long address;
        long[] value;
        long step;
        int opcode;

        Rec(long time, int depth, int flags, long address, long[] value, long step, int opcode) {
            this.time = time;
            this.depth = depth;
            this.flags = flags;
            this.address = address;
            this.value = value;
            this.step = step;
            this.opcode = opcode;
        }

        Rec copy() {
            return new Rec(time, depth, flags, address, value.clone(), step, opcode);
        }

        boolean isWrite() {
            return (flags & 1) != 0;
        }

        boolean isSecondCell() {
            return (flags & Trace.SECOND_CELL_BIT) != 0;
        }

        @Override
        public String toString() {
            return "t=" + time + " depth=" + depth + " " + (isWrite() ? "write" : "read")
                    + (isSecondCell() ? "(second cell)" : "") + " @" + address + " value=" + Arrays.toString(value)
                    + " step=" + step + " op=" + opcode;
        }
    }

    private enum TimeMode { AS_IS, KEEP_COLUMN, RENUMBER }

    private final Trace<W> base;
    private final int limbs;
    /** Source of each output position: {@code >= 0} a base record, {@code < 0} inserted record {@code -(k + 1)}. */
    private int[] seq;
    private int size;
    private final Map<Integer, Rec> changed = new HashMap<>();
    private Rec[] inserted = new Rec[0];
    private TimeMode timeMode = TimeMode.AS_IS;

    private TraceEdits(Trace<W> base) {
        this.base = base;
        this.limbs = base.wordType().limbs();
        this.size = base.size();
    }

    /** An editor of {@code base} with no edits yet. */
    static <W extends Word<W>> TraceEdits<W> of(Trace<W> base) {
        return new TraceEdits<>(base);
    }

    /** Record {@code i} of a trace as a {@link Rec}. */
    static <W extends Word<W>> Rec record(Trace<W> t, int i) {
        long[] v = new long[t.wordType().limbs()];
        for (int l = 0; l < v.length; l++) {
            v[l] = t.valueLimb(i, l);
        }
        return new Rec(t.time(i), t.stackDepth(i), t.flags(i), t.address(i), v, t.step(i), t.opcode(i));
    }

    /** Number of records after the edits so far. */
    int size() {
        return size;
    }

    /** Record at position {@code i} after the edits so far (a copy). */
    Rec get(int i) {
        Rec r = peek(i);
        return r.copy();
    }

    private Rec peek(int i) {
        checkIndex(i, size);
        int s = source(i);
        if (s < 0) {
            return inserted[-s - 1];
        }
        Rec r = changed.get(s);
        return r != null ? r : record(base, s);
    }

    private int source(int i) {
        return seq == null ? i : seq[i];
    }

    /** The mutable record at position {@code i} (copied from the base on first change). */
    private Rec mutable(int i) {
        checkIndex(i, size);
        int s = source(i);
        if (s < 0) {
            return inserted[-s - 1];
        }
        return changed.computeIfAbsent(s, k -> record(base, k));
    }

    private static void checkIndex(int i, int n) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("position " + i + " of " + n + " records");
        }
    }

    private void materializeSeq(int capacity) {
        if (seq == null) {
            seq = new int[Math.max(capacity, size)];
            for (int i = 0; i < size; i++) {
                seq[i] = i;
            }
        } else if (seq.length < capacity) {
            seq = Arrays.copyOf(seq, capacity);
        }
    }

    // ---- one field of one record --------------------------------------------------------------

    /** Sets 64-bit limb {@code limb} (least significant first) of record {@code i}'s value. */
    TraceEdits<W> valueLimb(int i, int limb, long v) {
        mutable(i).value[limb] = v;
        return this;
    }

    /** Sets the whole value of record {@code i} ({@link dev.zkjvm.runtime.WordType#limbs()} limbs). */
    TraceEdits<W> value(int i, long[] v) {
        if (v.length != limbs) {
            throw new IllegalArgumentException("a value has " + limbs + " limbs, got " + v.length);
        }
        mutable(i).value = v.clone();
        return this;
    }

    /** Sets record {@code i}'s byte address. */
    TraceEdits<W> address(int i, long address) {
        mutable(i).address = address;
        return this;
    }

    /** Sets record {@code i}'s time (the circuit takes the time column as it is). */
    TraceEdits<W> time(int i, long time) {
        mutable(i).time = time;
        return this;
    }

    /** Makes record {@code i} a write ({@code true}) or a read. */
    TraceEdits<W> write(int i, boolean write) {
        Rec r = mutable(i);
        r.flags = write ? r.flags | 1 : r.flags & ~1;
        return this;
    }

    /** Sets or clears record {@code i}'s second-cell bit. */
    TraceEdits<W> secondCell(int i, boolean second) {
        Rec r = mutable(i);
        r.flags = second ? r.flags | Trace.SECOND_CELL_BIT : r.flags & ~Trace.SECOND_CELL_BIT;
        return this;
    }

    /** Sets all flag bits of record {@code i} as stored (bit 0 write, bit 1 second cell, others unused). */
    TraceEdits<W> flags(int i, int flags) {
        mutable(i).flags = flags;
        return this;
    }

    /** Sets the step and the opcode record {@code i} names. */
    TraceEdits<W> stepAndOpcode(int i, long step, int opcode) {
        Rec r = mutable(i);
        r.step = step;
        r.opcode = opcode;
        return this;
    }

    /** Sets the stack depth recorded after record {@code i}'s access. */
    TraceEdits<W> depth(int i, int depth) {
        mutable(i).depth = depth;
        return this;
    }

    // ---- records --------------------------------------------------------------------------------

    /** Swaps the records at positions {@code i} and {@code j} (times travel with them unless told otherwise). */
    TraceEdits<W> swap(int i, int j) {
        checkIndex(i, size);
        checkIndex(j, size);
        materializeSeq(size);
        int t = seq[i];
        seq[i] = seq[j];
        seq[j] = t;
        return this;
    }

    /** Deletes the record at position {@code i}. */
    TraceEdits<W> delete(int i) {
        checkIndex(i, size);
        materializeSeq(size);
        System.arraycopy(seq, i + 1, seq, i, size - i - 1);
        size--;
        return this;
    }

    /** Inserts {@code r} (copied) so that it becomes position {@code i} ({@code 0 <= i <= size}). */
    TraceEdits<W> insert(int i, Rec r) {
        checkIndex(i, size + 1);
        if (r.value.length != limbs) {
            throw new IllegalArgumentException("a value has " + limbs + " limbs, got " + r.value.length);
        }
        materializeSeq(size + 1);
        inserted = Arrays.copyOf(inserted, inserted.length + 1);
        inserted[inserted.length - 1] = r.copy();
        System.arraycopy(seq, i, seq, i + 1, size - i);
        seq[i] = -inserted.length;
        size++;
        return this;
    }

    /** Inserts a copy of the record at position {@code i} right after it. */
    TraceEdits<W> duplicate(int i) {
        return insert(i + 1, peek(i));
    }

    /** On build, the time column becomes 0, 1, 2, ... (so only the records' order and contents changed). */
    TraceEdits<W> renumberTimes() {
        timeMode = TimeMode.RENUMBER;
        return this;
    }

    /**
     * On build, position {@code i} keeps the time the base trace has at {@code i} (swaps then move
     * everything but the time). Only for edits that keep the size.
     */
    TraceEdits<W> keepTimeColumn() {
        timeMode = TimeMode.KEEP_COLUMN;
        return this;
    }

    /** A new trace with the edits applied. */
    Trace<W> build() {
        if (timeMode == TimeMode.KEEP_COLUMN && size != base.size()) {
            throw new IllegalStateException("keepTimeColumn needs an edit that keeps the size");
        }
        TraceBuffer<W> out = new TraceBuffer<>(base.wordType(), Math.max(16, size));
        long[] scratch = new long[limbs];
        for (int k = 0; k < size; k++) {
            int s = source(k);
            Rec r = s < 0 ? inserted[-s - 1] : changed.get(s);
            long time;
            if (r != null) {
                time = r.time;
            } else {
                time = base.time(s);
            }
            if (timeMode == TimeMode.RENUMBER) {
                time = k;
            } else if (timeMode == TimeMode.KEEP_COLUMN) {
                time = r != null && s >= 0 && s == k ? r.time : base.time(k);
            }
            if (r != null) {
                out.append(time, r.depth, r.flags, r.address, r.value, 0, r.step, r.opcode);
            } else {
                for (int l = 0; l < limbs; l++) {
                    scratch[l] = base.valueLimb(s, l);
                }
                out.append(time, base.stackDepth(s), base.flags(s), base.address(s), scratch, 0, base.step(s), base.opcode(s));
            }
        }
        return out.snapshot();
    }
}
