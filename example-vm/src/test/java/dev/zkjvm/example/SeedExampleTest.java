package dev.zkjvm.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.zkjvm.runtime.CellInteraction;
import dev.zkjvm.runtime.MemoryInstruction;
import dev.zkjvm.runtime.U256;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 256-bit {@link SeedExample} machine, with programs in the style of the seed library's
 * examples: a list of instructions executed one by one ({@code for instruction in program:
 * machine.exec(instruction)}), then the trace inspected.
 */
class SeedExampleTest {
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
    /** First byte address of memory: HEAD layout, [stack 64][buffer 4][registers 4][buffer 4][memory]. */
    private static final long BASE = (64 + 4 + 4 + 4) * 32L;

    private static SeedMachine exec(SeedProgram program) {
        SeedMachine m = SeedMachine.create();
        for (SeedInstruction i : program.instructions()) {
            m.exec(i);
        }
        return m;
    }

    private static U256 big(String hex) {
        return U256.of(new BigInteger(hex.replace("_", ""), 16));
    }

    /** 32 distinct bytes, {@code first, first + 1, ...}, as a big-endian word. */
    private static U256 ramp(int first) {
        byte[] b = new byte[32];
        for (int i = 0; i < 32; i++) {
            b[i] = (byte) (first + i);
        }
        return U256.TYPE.fromBytes(b);
    }

    @Test
    void layoutPutsMemoryAfterStackAndRegisters() {
        assertEquals(BASE, SeedMachine.LAYOUT.memoryBase());
        assertEquals(BASE, SeedMachine.create().context().layout().memoryBase());
        assertEquals((64 + 4) * 32L, SeedMachine.LAYOUT.registerAddress(0));
    }

    @Test
    void writeThenReadAtAlignedAddresses() {
        SeedProgram p = SeedProgram.builder()
                .write(BASE, 1).write(BASE + 32, 2).write(BASE + 32 * 1023, -1)
                .read(BASE).read(BASE + 32).read(BASE + 32 * 1023)
                .build();
        SeedMachine m = exec(p);
        SeedTrace t = m.trace();
        assertEquals(6, t.size());
        long[] addresses = {BASE, BASE + 32, BASE + 32 * 1023, BASE, BASE + 32, BASE + 32 * 1023};
        U256[] values = {U256.of(1), U256.of(2), U256.of(-1), U256.of(1), U256.of(2), U256.of(-1)};
        for (int i = 0; i < 6; i++) {
            SeedTraceRecord r = t.record(i);
            assertEquals(i, r.time());
            assertEquals(i < 3 ? MemoryInstruction.WRITE : MemoryInstruction.READ, r.instruction());
            assertEquals(addresses[i], r.address());
            assertEquals(values[i], r.value());
            assertEquals(i, r.step());
            assertEquals(i < 3 ? SeedInstruction.OP_WRITE : SeedInstruction.OP_READ, r.opcode());
            assertEquals(0, r.stackDepth());
        }
        assertEquals(TWO_256.subtract(BigInteger.ONE), m.context().memory(BASE + 32 * 1023).toBigInteger());
        assertEquals(6, m.context().step());
        assertEquals(6, m.context().timeLog());
    }

    @Test
    void aNeverWrittenCellReadsZero() {
        SeedMachine m = exec(SeedProgram.builder().read(BASE + 32 * 500).load(SeedMachine.R2, BASE + 64).build());
        SeedTrace t = m.trace();
        assertEquals(U256.of(0), t.value(0));
        assertEquals(MemoryInstruction.READ, t.instruction(0));
        assertEquals(U256.of(0), m.context().register(SeedMachine.R2));
        // and through the seed-level interface, as a direct access
        CellInteraction<U256> c = m.read(BASE + 32 * 7);
        assertEquals(new CellInteraction.SingleCell<>(MemoryInstruction.READ, BASE + 32 * 7, U256.of(0)), c);
        assertEquals(-1, m.trace().step(m.trace().size() - 1));
    }

    @Test
    void unalignedReadSplicesTwoCellsBigEndian() {
        U256 first = ramp(0x00); // bytes 00..1f
        U256 second = ramp(0x20); // bytes 20..3f
        for (int offset = 1; offset < 32; offset++) {
            long address = BASE + 64 + offset;
            SeedMachine m = exec(SeedProgram.builder()
                    .write(U256.of(BASE + 64), first).write(U256.of(BASE + 96), second)
                    .load(SeedMachine.R1, address)
                    .build());
            byte[] expected = new byte[32];
            for (int i = 0; i < 32; i++) {
                expected[i] = (byte) (offset + i); // byte at address BASE + 64 + k is k
            }
            assertArrayEquals(expected, m.context().register(SeedMachine.R1).toBytes(), "offset " + offset);
            // load = two memory reads (first cell, then second) and one register write
            SeedTrace t = m.trace();
            assertEquals(2 + 3, t.size());
            assertEquals(new SeedTraceRecord(2, 0, MemoryInstruction.READ, BASE + 64, first, 2, SeedInstruction.OP_LOAD),
                    t.record(2));
            assertEquals(new SeedTraceRecord(3, 0, MemoryInstruction.READ, BASE + 96, second, 2, SeedInstruction.OP_LOAD),
                    t.record(3));
            assertEquals(MemoryInstruction.WRITE, t.instruction(4));
            assertEquals(SeedMachine.LAYOUT.registerAddress(1), t.address(4));
        }
    }

    @Test
    void unalignedReadThroughTheSeedInterfaceReportsBothCells() {
        SeedMachine m = SeedMachine.create();
        m.write(BASE, ramp(0));
        m.write(BASE + 32, ramp(32));
        CellInteraction<U256> c = m.read(BASE + 10);
        assertInstanceOf(CellInteraction.DoubleCell.class, c);
        var d = (CellInteraction.DoubleCell<U256>) c;
        assertEquals(ramp(10), d.value());
        assertEquals(BASE + 10, d.address());
        assertEquals(BASE, d.lowCell());
        assertEquals(ramp(0), d.lowValue());
        assertEquals(BASE + 32, d.highCell());
        assertEquals(ramp(32), d.highValue());
    }

    @Test
    void unalignedWritePreservesNeighbouringBytes() {
        U256 first = ramp(0x00);
        U256 second = ramp(0x20);
        U256 value = ramp(0xa0); // bytes a0..bf
        for (int offset = 1; offset < 32; offset++) {
            long address = BASE + 32 * 5 + offset;
            SeedMachine m = exec(SeedProgram.builder()
                    .write(U256.of(BASE + 32 * 5), first).write(U256.of(BASE + 32 * 6), second)
                    .write(U256.of(address), value)
                    .build());
            byte[] all = new byte[64];
            System.arraycopy(first.toBytes(), 0, all, 0, 32);
            System.arraycopy(second.toBytes(), 0, all, 32, 32);
            System.arraycopy(value.toBytes(), 0, all, offset, 32);
            U256 newFirst = U256.TYPE.fromBytes(Arrays.copyOfRange(all, 0, 32));
            U256 newSecond = U256.TYPE.fromBytes(Arrays.copyOfRange(all, 32, 64));
            assertEquals(newFirst, m.context().memory(BASE + 32 * 5), "offset " + offset);
            assertEquals(newSecond, m.context().memory(BASE + 32 * 6), "offset " + offset);
            // read, read (the kept bytes), then write, write
            SeedTrace t = m.trace();
            assertEquals(6, t.size());
            assertEquals(new SeedTraceRecord(2, 0, MemoryInstruction.READ, BASE + 32 * 5, first, 2,
                    SeedInstruction.OP_WRITE), t.record(2));
            assertEquals(new SeedTraceRecord(3, 0, MemoryInstruction.READ, BASE + 32 * 6, second, 2,
                    SeedInstruction.OP_WRITE), t.record(3));
            assertEquals(new SeedTraceRecord(4, 0, MemoryInstruction.WRITE, BASE + 32 * 5, newFirst, 2,
                    SeedInstruction.OP_WRITE), t.record(4));
            assertEquals(new SeedTraceRecord(5, 0, MemoryInstruction.WRITE, BASE + 32 * 6, newSecond, 2,
                    SeedInstruction.OP_WRITE), t.record(5));
            // reading back at the same unaligned address gives the value
            m.exec(new SeedInstruction.Load(SeedMachine.R0, U256.of(address)));
            assertEquals(value, m.context().register(SeedMachine.R0));
            // the cells around are untouched
            assertEquals(U256.of(0), m.context().memory(BASE + 32 * 4));
            assertEquals(U256.of(0), m.context().memory(BASE + 32 * 7));
        }
    }

    @Test
    void pushPopSwap() {
        SeedProgram p = SeedAssembler.parse("""
                push 10
                push 20
                push 30
                pop r0        ; r0 = 30
                swap r0       ; stack [10 30], r0 = 20
                pop r1        ; r1 = 30
                pop r2        ; r2 = 10
                """);
        SeedMachine m = exec(p);
        assertEquals(U256.of(20), m.context().register(SeedMachine.R0));
        assertEquals(U256.of(30), m.context().register(SeedMachine.R1));
        assertEquals(U256.of(10), m.context().register(SeedMachine.R2));
        assertEquals(0, m.context().stackDepth());
        SeedTrace t = m.trace();
        // push x3 (1 each), pop (2), swap (pop, reg read, push, reg write = 4), pop (2), pop (2)
        assertEquals(3 + 2 + 4 + 2 + 2, t.size());
        assertEquals(List.of(1, 2, 3), List.of(t.stackDepth(0), t.stackDepth(1), t.stackDepth(2)));
        assertEquals(SeedMachine.LAYOUT.stackAddress(2), t.address(2));
        // swap (stack [10 20]): pop slot 1 (depth 1 after), read r0, push slot 1 (depth 2), write r0
        int s = 5;
        assertEquals(new SeedTraceRecord(s, 1, MemoryInstruction.READ, SeedMachine.LAYOUT.stackAddress(1),
                U256.of(20), 4, SeedInstruction.OP_SWAP), t.record(s));
        assertEquals(new SeedTraceRecord(s + 1, 1, MemoryInstruction.READ, SeedMachine.LAYOUT.registerAddress(0),
                U256.of(30), 4, SeedInstruction.OP_SWAP), t.record(s + 1));
        assertEquals(new SeedTraceRecord(s + 2, 2, MemoryInstruction.WRITE, SeedMachine.LAYOUT.stackAddress(1),
                U256.of(30), 4, SeedInstruction.OP_SWAP), t.record(s + 2));
        assertEquals(new SeedTraceRecord(s + 3, 2, MemoryInstruction.WRITE, SeedMachine.LAYOUT.registerAddress(0),
                U256.of(20), 4, SeedInstruction.OP_SWAP), t.record(s + 3));
    }

    @Test
    void seedLevelPushPopSetGet() {
        SeedMachine m = SeedMachine.create();
        var push = m.push(U256.of(7));
        assertEquals(1, push.depth());
        assertEquals(SeedMachine.LAYOUT.stackAddress(0), push.interaction().address());
        var pop = m.pop();
        assertEquals(0, pop.depth());
        assertEquals(U256.of(7), pop.interaction().value());
        m.set(SeedMachine.R3, U256.of(99));
        assertEquals(U256.of(99), m.get(SeedMachine.R3).value());
        assertEquals(SeedMachine.LAYOUT.registerAddress(3), m.get(SeedMachine.R3).address());
        assertEquals(5, m.trace().size());
        for (int i = 0; i < 5; i++) {
            assertEquals(-1, m.trace().step(i));
            assertEquals(-1, m.trace().opcode(i));
            assertEquals("(direct)", m.trace().record(i).mnemonic());
        }
    }

    @Test
    void loadAndSaveThroughRegisters() {
        SeedProgram p = SeedAssembler.parse("""
                write %d, 0xdeadbeef
                load r0, %d          ; r0 = memory[BASE]
                mov r1, r0           ; r1 = r0
                save %d, r1          ; memory[BASE + 32] = r1
                load r2, %d
                """.formatted(BASE, BASE, BASE + 32, BASE + 32));
        SeedMachine m = exec(p);
        U256 v = U256.of(0xdeadbeefL);
        assertEquals(v, m.context().register(SeedMachine.R0));
        assertEquals(v, m.context().register(SeedMachine.R1));
        assertEquals(v, m.context().register(SeedMachine.R2));
        assertEquals(v, m.context().memory(BASE + 32));
        SeedTrace t = m.trace();
        // write 1, load 2, mov 2, save 2, load 2
        assertEquals(9, t.size());
        assertEquals(new SeedTraceRecord(5, 0, MemoryInstruction.READ, SeedMachine.LAYOUT.registerAddress(1), v, 3,
                SeedInstruction.OP_SAVE), t.record(5));
        assertEquals(new SeedTraceRecord(6, 0, MemoryInstruction.WRITE, BASE + 32, v, 3, SeedInstruction.OP_SAVE),
                t.record(6));
    }

    @Test
    void addWrapsModTwoToThe256() {
        U256 max = U256.of(TWO_256.subtract(BigInteger.ONE));
        assertEquals(U256.of(-1), max);
        SeedProgram p = SeedProgram.builder()
                .push(max).pop(SeedMachine.R0)
                .push(1).pop(SeedMachine.R1)
                .add(SeedMachine.R0, SeedMachine.R1) // 2^256 - 1 + 1 = 0
                .push(big("8000000000000000_0000000000000000_0000000000000000_0000000000000000"))
                .pop(SeedMachine.R2)
                .mov(SeedMachine.R3, SeedMachine.R2)
                .add(SeedMachine.R2, SeedMachine.R3) // 2^255 + 2^255 = 0
                .push(big("ffffffffffffffff")).pop(SeedMachine.R3)
                .add(SeedMachine.R3, SeedMachine.R1) // carry across a limb boundary
                .build();
        SeedMachine m = exec(p);
        assertEquals(U256.of(0), m.context().register(SeedMachine.R0));
        assertEquals(U256.of(0), m.context().register(SeedMachine.R2));
        assertEquals(BigInteger.ONE.shiftLeft(64), m.context().register(SeedMachine.R3).toBigInteger());
        assertEquals(U256.of(1), m.context().register(SeedMachine.R1));
    }

    @Test
    void runAndExecGiveTheSameTrace() {
        SeedProgram p = SeedAssembler.parse("""
                write %d, 5
                push 6
                pop r0
                load r1, %d
                add r0, r1
                save %d, r0
                read %d
                """.formatted(BASE, BASE, BASE + 3, BASE + 3));
        SeedMachine a = exec(p);
        SeedMachine b = SeedMachine.create();
        assertEquals(p.size(), b.run(p));
        assertEquals(a.trace().records(), b.trace().records());
        assertEquals(U256.of(11), a.context().register(SeedMachine.R0));
        for (int i = 0; i < a.trace().size(); i++) {
            assertEquals(i, a.trace().time(i));
        }
    }
}
