package dev.zkjvm.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U64;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The baseline of {@code CheckerBenchmark} is a real checker, and agrees with the circuit. */
class ObjectRowCheckerTest {
    private final ObjectRowChecker checker = new ObjectRowChecker(Cpu64Machine.LAYOUT);

    @Test
    void acceptsHonestTraces() {
        long[] words = new SplittableRandom(5).longs(40).toArray();
        assertEquals(0, checker.check(Programs.bubbleSort(words).machine().trace()));
        assertEquals(0, checker.check(Programs.arraySum(words).machine().trace()));
        Trace<U64> workload = CheckerWorkload.trace(70_000);
        assertEquals(70_000, workload.size());
        assertEquals(0, checker.check(workload));
        assertTrue(Cpu64Circuit.check(workload).isSatisfied());
    }

    @Test
    void rejectsAChangedReadValue() {
        Trace<U64> trace = CheckerWorkload.trace(20_000);
        int read = -1;
        for (int i = trace.size() - 1; i >= 0; i--) {
            if (trace.flag(i) == 0 && trace.address(i) < 8 * 1000) { // a read of a memory word
                read = i;
                break;
            }
        }
        assertTrue(read >= 0, "the workload reads memory");
        Trace<U64> changed = CheckerWorkload.copy(trace, trace.size(), read, trace.valueLimb(read, 0) ^ 1);
        assertTrue(checker.check(changed) > 0);
        assertFalse(Cpu64Circuit.check(changed).isSatisfied(), "the circuit rejects it too");
    }

    @Test
    void rejectsAChangedDepthAndTime() {
        Trace<U64> trace = CheckerWorkload.trace(5_000);
        long[] time = new long[trace.size()];
        int[] depth = new int[trace.size()];
        byte[] flag = new byte[trace.size()];
        long[] address = new long[trace.size()];
        long[] value = new long[trace.size()];
        long[] step = new long[trace.size()];
        int[] opcode = new int[trace.size()];
        for (int i = 0; i < trace.size(); i++) {
            time[i] = trace.time(i);
            depth[i] = trace.stackDepth(i);
            flag[i] = (byte) trace.flag(i);
            address[i] = trace.address(i);
            value[i] = trace.valueLimb(i, 0);
            step[i] = trace.step(i);
            opcode[i] = trace.opcode(i);
        }
        depth[100]++;
        assertTrue(checker.check(new Trace<>(U64.TYPE, trace.size(), time, depth, flag, address, value, step, opcode)) > 0);
        depth[100]--;
        time[200]++;
        assertTrue(checker.check(new Trace<>(U64.TYPE, trace.size(), time, depth, flag, address, value, step, opcode)) > 0);
    }

    /** The one-reduction extension multiplication agrees with big-integer arithmetic. */
    @Test
    void extensionMultiplicationMatchesBigIntegers() {
        BigInteger p = BigInteger.valueOf(Goldilocks.P).add(BigInteger.ONE.shiftLeft(64)).mod(BigInteger.ONE.shiftLeft(64));
        SplittableRandom rnd = new SplittableRandom(9);
        long[] edge = {0, 1, 2, Goldilocks.P - 1, Goldilocks.P - 2, 0xFFFF_FFFFL, 1L << 63, Goldilocks.P - (1L << 32)};
        for (int i = 0; i < 200_000; i++) {
            long a0 = i < 4096 ? edge[i & 7] : canonical(rnd);
            long a1 = i < 4096 ? edge[(i >> 3) & 7] : canonical(rnd);
            long b0 = i < 4096 ? edge[(i >> 6) & 7] : canonical(rnd);
            long b1 = i < 4096 ? edge[(i >> 9) & 7] : canonical(rnd);
            BigInteger x0 = unsigned(a0);
            BigInteger x1 = unsigned(a1);
            BigInteger y0 = unsigned(b0);
            BigInteger y1 = unsigned(b1);
            long c0 = x0.multiply(y0).add(BigInteger.valueOf(7).multiply(x1).multiply(y1)).mod(p).longValue();
            long c1 = x0.multiply(y1).add(x1.multiply(y0)).mod(p).longValue();
            assertEquals(c0, Ext2.mulC0(a0, a1, b0, b1));
            assertEquals(c1, Ext2.mulC1(a0, a1, b0, b1));
        }
    }

    private static long canonical(SplittableRandom rnd) {
        long v;
        do {
            v = rnd.nextLong();
        } while (!Goldilocks.isCanonical(v));
        return v;
    }

    private static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }
}
