package dev.zkjvm.example;

import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U64;
import java.util.SplittableRandom;

/**
 * Honest Cpu64 traces of an exact length for the checking benchmarks: the loader writes up to
 * 50,000 random words (so up to 50,000 distinct memory cells), then {@link #MEMORY_SUM} runs over
 * them again and again (every word is read once per pass) until the trace is long enough; the
 * trace is then cut to exactly {@code records} records. A prefix of an honest trace is honest:
 * every rule is local in time, and the circuit pads with reads of the first memory cell that
 * return its last value.
 */
public final class CheckerWorkload {
    /** Distinct memory words at most. */
    public static final int MAX_WORDS = 50_000;

    /**
     * The sum of the {@code a} words at byte addresses 0, 8, ... into register {@code b}, read from
     * memory (the bundled {@code array_sum} reads its words from the input instead, which touches no
     * memory cell): per word {@code get b; get c; load; add; set b; addi c, 8; addi a, -1; get a;
     * jnz}.
     */
    static final Cpu64Program MEMORY_SUM = Cpu64Program.builder()
            .push(0).set(Cpu64Machine.B).push(0).set(Cpu64Machine.C).get(Cpu64Machine.A).jz(15)
            .get(Cpu64Machine.B).get(Cpu64Machine.C).load().add().set(Cpu64Machine.B)
            .addi(Cpu64Machine.C, 8).addi(Cpu64Machine.A, -1).get(Cpu64Machine.A).jnz(6)
            .halt().build();

    private CheckerWorkload() {
    }

    /** A honest trace of exactly {@code records} records (records at least 1,000). */
    public static Trace<U64> trace(int records) {
        int wordCount = Math.max(10, Math.min(MAX_WORDS, records / 40));
        long[] words = new SplittableRandom(records).longs(wordCount).toArray();
        Cpu64Machine machine = Cpu64Machine.create();
        machine.run(Programs.loader(words, words.length));
        Cpu64Program sum = MEMORY_SUM;
        Cpu64Program reload = Cpu64Program.builder().push(words.length).set(Cpu64Machine.A).build();
        while (machine.trace().size() < records) {
            machine.run(sum);
            machine.run(reload);
        }
        return prefix(machine.trace(), records);
    }

    /** The first {@code n} records of {@code trace}, copied into flat columns. */
    public static Trace<U64> prefix(Trace<U64> trace, int n) {
        return copy(trace, n, -1, 0);
    }

    /**
     * A copy of the first {@code n} records in which record {@code changed}'s value is
     * {@code newValue} (no change when {@code changed} is negative).
     */
    public static Trace<U64> copy(Trace<U64> trace, int n, int changed, long newValue) {
        long[] time = new long[n];
        int[] depth = new int[n];
        byte[] flag = new byte[n];
        long[] address = new long[n];
        long[] value = new long[n];
        long[] step = new long[n];
        int[] opcode = new int[n];
        for (int i = 0; i < n; i++) {
            time[i] = trace.time(i);
            depth[i] = trace.stackDepth(i);
            flag[i] = (byte) (trace.flag(i) | (trace.secondCell(i) ? Trace.SECOND_CELL_BIT : 0));
            address[i] = trace.address(i);
            value[i] = i == changed ? newValue : trace.valueLimb(i, 0);
            step[i] = trace.step(i);
            opcode[i] = trace.opcode(i);
        }
        return new Cpu64Trace(new Trace<>(U64.TYPE, n, time, depth, flag, address, value, step, opcode));
    }
}
