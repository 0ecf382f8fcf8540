package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;

/**
 * The witness generator's cursor over one step: the row being filled, the concrete values of the
 * instruction's words, its operands, and the trace records the step made. One per thread.
 *
 * @param <W> the machine's word type
 */
final class ExecRow<W extends Word<W>> {
    final long[][] columns;
    final Trace<W> trace;
    final int limbs;
    int row;
    long pc;
    long nextPc;
    /** The length of the step's program, for bounds on its jump target. */
    long length;
    long[][] values;
    long[][] operands;
    int record;
    int recordEnd;
    /** The index of the next word of each stream ({@link IoStream} order) the step takes. */
    final int[] streamNext = new int[IoStream.values().length];
    private final java.util.List<java.util.List<W>> streams;

    ExecRow(long[][] columns, Trace<W> trace, int limbs) {
        this.columns = columns;
        this.trace = trace;
        this.limbs = limbs;
        dev.zkjvm.runtime.Streams<W> s = trace.streams();
        this.streams = java.util.List.of(s.input(), s.advice(), s.output());
    }

    /**
     * Takes the step's next word of {@code stream} into the port's columns and returns its 16-bit
     * limbs; zeros past the stream's end (a broken trace: the constraints then report it).
     */
    long[] takeStreamWord(IoStream stream, Column[] port) {
        java.util.List<W> words = streams.get(stream.ordinal());
        int i = streamNext[stream.ordinal()]++;
        long[] out = i < words.size() ? ExecutionTable.toLimbs16(trace.wordType(), words.get(i)) : new long[limbs];
        for (int m = 0; m < port.length; m++) {
            set(port[m], out[m]);
        }
        return out;
    }

    /** Writes a canonical field element. */
    void set(Column c, long value) {
        columns[c.index()][row] = value;
    }

    /** Writes a small signed integer. */
    void setSigned(Column c, long value) {
        columns[c.index()][row] = Goldilocks.fromSigned(value);
    }

    long get(Column c) {
        return columns[c.index()][row];
    }

    /**
     * The next record of the step as 16-bit limbs, or zeros past the step's records (a broken
     * trace: the constraints then report it).
     */
    long[] takeRecord(long[] cellOut) {
        long[] out = new long[limbs];
        if (record >= recordEnd) {
            cellOut[0] = -1;
            record++;
            return out;
        }
        cellOut[0] = trace.address(record) / (2L * limbs);
        for (int l = 0; l < trace.wordType().limbs(); l++) {
            long v = trace.valueLimb(record, l);
            for (int q = 0; q < 4 && 4 * l + q < limbs; q++) {
                out[4 * l + q] = (v >>> (16 * q)) & 0xFFFF;
            }
        }
        record++;
        return out;
    }
}
