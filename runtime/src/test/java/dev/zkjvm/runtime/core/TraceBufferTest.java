package dev.zkjvm.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zkjvm.runtime.MemoryInstruction;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U256;
import dev.zkjvm.runtime.U64;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TraceBufferTest {
    @Test
    void growsAndKeepsEveryColumn() {
        TraceBuffer<U64> buffer = new TraceBuffer<>(U64.TYPE, 1);
        int n = TraceBuffer.CHUNK + 100_000;
        for (int i = 0; i < n; i++) {
            buffer.append(i, i % 7, i % 2, 8L * i, -i, i / 3, i % 5);
        }
        Trace<U64> t = buffer.snapshot();
        assertEquals(n, t.size());
        for (int i = 0; i < n; i += 997) {
            assertEquals(i, t.time(i));
            assertEquals(i % 7, t.stackDepth(i));
            assertEquals(MemoryInstruction.ofFlag(i % 2), t.instruction(i));
            assertEquals(8L * i, t.address(i));
            assertEquals(U64.of(-i), t.value(i));
            assertEquals(i / 3, t.step(i));
            assertEquals(i % 5, t.opcode(i));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> t.time(n));
        assertEquals(n - 1, t.time(n - 1));
        assertEquals(TraceBuffer.CHUNK, t.time(TraceBuffer.CHUNK), "first record of the second chunk");
    }

    @Test
    void storesMultiLimbValuesAndTruncates() {
        TraceBuffer<U256> buffer = new TraceBuffer<>(U256.TYPE, 2);
        U256 big = U256.of(BigInteger.ONE.shiftLeft(255).add(BigInteger.valueOf(12345)));
        for (int i = 0; i < 100; i++) {
            buffer.append(i, 0, 1, 32L * i, i == 50 ? big : U256.of(i), i, 0);
        }
        assertEquals(big, buffer.snapshot().value(50));
        assertEquals(U256.of(99), buffer.snapshot().value(99));
        Trace<U256> before = buffer.snapshot();
        buffer.truncate(60);
        assertEquals(60, buffer.snapshot().size());
        assertEquals(100, before.size(), "an earlier view keeps its length");
        assertThrows(IllegalArgumentException.class, () -> buffer.truncate(61));
    }

    @Test
    void truncatesAcrossChunksAndAppendsAgain() {
        TraceBuffer<U64> buffer = new TraceBuffer<>(U64.TYPE, 16);
        int chunk = TraceBuffer.CHUNK;
        for (int i = 0; i < chunk + 70_000; i++) {
            buffer.append(i, 0, 0, i, i, i, 0);
        }
        buffer.truncate(chunk);
        assertEquals(chunk, buffer.size());
        buffer.append(-1, 0, 1, -1, -1, -1, 0);
        assertEquals(chunk + 1, buffer.size());
        Trace<U64> t = buffer.snapshot();
        assertEquals(-1, t.time(chunk));
        assertEquals(chunk - 1, t.time(chunk - 1));
        buffer.truncate(10);
        buffer.append(42, 0, 0, 0, 0, 0, 0);
        assertEquals(42, buffer.snapshot().time(10));
        assertEquals(11, buffer.snapshot().size());
        buffer.truncate(0);
        buffer.append(7, 0, 0, 0, 0, 0, 0);
        assertEquals(7, buffer.snapshot().time(0));
    }
}
