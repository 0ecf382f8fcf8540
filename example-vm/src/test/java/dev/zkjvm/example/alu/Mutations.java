package dev.zkjvm.example.alu;

import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

/** Builds a copy of a trace with one random bit flipped in the value of each chosen record. */
final class Mutations {
    private Mutations() {
    }

    static <W extends Word<W>> Trace<W> flipBits(Trace<W> trace, List<Integer> records, Random random,
            BiConsumer<Integer, Integer> onMutated) {
        int n = trace.size();
        WordType<W> type = trace.wordType();
        int limbs = type.limbs();
        long[] time = new long[n];
        int[] depth = new int[n];
        byte[] flag = new byte[n];
        long[] address = new long[n];
        long[] value = new long[n * limbs];
        long[] step = new long[n];
        int[] opcode = new int[n];
        for (int i = 0; i < n; i++) {
            time[i] = trace.time(i);
            depth[i] = trace.stackDepth(i);
            flag[i] = (byte) (trace.flag(i) | (trace.secondCell(i) ? Trace.SECOND_CELL_BIT : 0));
            address[i] = trace.address(i);
            for (int l = 0; l < limbs; l++) {
                value[i * limbs + l] = trace.valueLimb(i, l);
            }
            step[i] = trace.step(i);
            opcode[i] = trace.opcode(i);
        }
        for (int r : records) {
            int bit = random.nextInt(type.bits());
            value[r * limbs + bit / 64] ^= 1L << (bit % 64);
            onMutated.accept(r, (int) trace.step(r));
        }
        return new Trace<>(type, n, time, depth, flag, address, value, step, opcode);
    }
}
