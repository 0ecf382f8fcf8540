package dev.zkjvm.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.runtime.MemoryInstruction;
import dev.zkjvm.runtime.U64;
import java.util.List;
import java.util.function.LongBinaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each {@link Cpu64} instruction on edge values: 0, 1, max, the sign bit, shifts by 0/63/64. */
class Cpu64InstructionsTest {
    private static final long MAX = -1L; // 2^64 - 1
    private static final long SIGN = Long.MIN_VALUE; // 2^63
    private static final long[] EDGES = {0, 1, 2, 7, 63, 64, 65, MAX, SIGN, Long.MAX_VALUE, SIGN + 1,
        0x0123_4567_89ab_cdefL, -2};

    private static Cpu64Machine run(UnaryOperator<Cpu64Program.Builder> program) {
        Cpu64Machine m = Cpu64Machine.create();
        m.run(program.apply(Cpu64Program.builder()).build());
        return m;
    }

    private static List<Long> stack(Cpu64Machine m) {
        return m.context().stack().stream().map(U64::longValue).toList();
    }

    private static List<Long> stackAfter(UnaryOperator<Cpu64Program.Builder> program) {
        return stack(run(program));
    }

    private static void binary(UnaryOperator<Cpu64Program.Builder> op, LongBinaryOperator expected, String name) {
        for (long x : EDGES) {
            for (long y : EDGES) {
                List<Long> s = stackAfter(b -> op.apply(b.push(x).push(y)));
                assertEquals(List.of(expected.applyAsLong(x, y)), s,
                        name + "(" + Long.toUnsignedString(x) + ", " + Long.toUnsignedString(y) + ")");
            }
        }
    }

    @Test
    void pushPopDupSwapOver() {
        assertEquals(List.of(0L, 1L, MAX, SIGN), stackAfter(b -> b.push(0).push(1).push(MAX).push(SIGN)));
        assertEquals(List.of(MAX), stackAfter(b -> b.push(MAX).push(SIGN).pop()));
        assertEquals(List.of(), stackAfter(b -> b.push(5).pop()));
        assertEquals(List.of(SIGN, SIGN), stackAfter(b -> b.push(SIGN).dup()));
        assertEquals(List.of(9L, MAX, 0L), stackAfter(b -> b.push(9).push(0).push(MAX).swap()));
        assertEquals(List.of(1L, SIGN, 1L), stackAfter(b -> b.push(1).push(SIGN).over()));
    }

    @Test
    void stackOperationsRecordOneAccessPerPushAndPop() {
        Cpu64Machine m = run(b -> b.push(1).push(2).swap());
        Cpu64Trace t = m.trace();
        assertEquals(2 + 4, t.size());
        // swap: pop 2, pop 1, push 2, push 1
        assertEquals(List.of(MemoryInstruction.READ, MemoryInstruction.READ, MemoryInstruction.WRITE,
                MemoryInstruction.WRITE), List.of(t.instruction(2), t.instruction(3), t.instruction(4), t.instruction(5)));
        assertEquals(List.of(1, 0, 1, 2), List.of(t.stackDepth(2), t.stackDepth(3), t.stackDepth(4), t.stackDepth(5)));
        long base = Cpu64Machine.LAYOUT.stackAddress(0);
        assertEquals(base + 8, t.address(2));
        assertEquals(base, t.address(3));
        assertEquals(2L, t.value(4).longValue());
        assertEquals(1L, t.value(5).longValue());
        for (int i = 2; i < 6; i++) {
            assertEquals(Cpu64Instruction.OP_SWAP, t.opcode(i));
            assertEquals(2, t.step(i));
        }
    }

    @Test
    void sel() {
        assertEquals(List.of(10L), stackAfter(b -> b.push(10).push(20).push(1).sel()));
        assertEquals(List.of(10L), stackAfter(b -> b.push(10).push(20).push(SIGN).sel()));
        assertEquals(List.of(10L), stackAfter(b -> b.push(10).push(20).push(MAX).sel()));
        assertEquals(List.of(20L), stackAfter(b -> b.push(10).push(20).push(0).sel()));
    }

    @Test
    void arithmeticWrapsModTwoToThe64() {
        binary(Cpu64Program.Builder::add, Long::sum, "add");
        binary(Cpu64Program.Builder::sub, (x, y) -> x - y, "sub");
        binary(Cpu64Program.Builder::mul, (x, y) -> x * y, "mul");
        assertEquals(List.of(0L), stackAfter(b -> b.push(MAX).push(1).add()));
        assertEquals(List.of(MAX), stackAfter(b -> b.push(0).push(1).sub()));
        assertEquals(List.of(5L), stackAfter(b -> b.push(7).push(2).sub()), "the top is the right operand");
        assertEquals(List.of(0L), stackAfter(b -> b.push(SIGN).push(2).mul()));
        assertEquals(List.of(1L), stackAfter(b -> b.push(MAX).push(MAX).mul()));
    }

    @Test
    void bitwise() {
        binary(Cpu64Program.Builder::and, (x, y) -> x & y, "and");
        binary(Cpu64Program.Builder::or, (x, y) -> x | y, "or");
        binary(Cpu64Program.Builder::xor, (x, y) -> x ^ y, "xor");
        assertEquals(List.of(0L), stackAfter(b -> b.push(MAX).push(MAX).xor()));
    }

    @Test
    void shiftsByZeroSixtyThreeSixtyFourAndMore() {
        LongBinaryOperator shl = (x, n) -> Long.compareUnsigned(n, 64) >= 0 ? 0 : x << n;
        LongBinaryOperator shr = (x, n) -> Long.compareUnsigned(n, 64) >= 0 ? 0 : x >>> n;
        binary(Cpu64Program.Builder::shl, shl, "shl");
        binary(Cpu64Program.Builder::shr, shr, "shr");
        assertEquals(List.of(MAX), stackAfter(b -> b.push(MAX).push(0).shl()));
        assertEquals(List.of(SIGN), stackAfter(b -> b.push(1).push(63).shl()));
        assertEquals(List.of(0L), stackAfter(b -> b.push(1).push(64).shl()));
        assertEquals(List.of(0L), stackAfter(b -> b.push(MAX).push(MAX).shl()), "a huge shift is not taken mod 64");
        assertEquals(List.of(1L), stackAfter(b -> b.push(SIGN).push(63).shr()), "logical, not arithmetic");
        assertEquals(List.of(1L), stackAfter(b -> b.push(MAX).push(63).shr()));
        assertEquals(List.of(0L), stackAfter(b -> b.push(MAX).push(64).shr()));
        assertEquals(List.of(SIGN), stackAfter(b -> b.push(SIGN).push(0).shr()));
        assertEquals(List.of(0L), stackAfter(b -> b.push(MAX).push(SIGN).shr()));
    }

    @Test
    void comparisons() {
        binary(Cpu64Program.Builder::ltu, (x, y) -> Long.compareUnsigned(x, y) < 0 ? 1 : 0, "ltu");
        binary(Cpu64Program.Builder::lts, (x, y) -> x < y ? 1 : 0, "lts");
        binary(Cpu64Program.Builder::eq, (x, y) -> x == y ? 1 : 0, "eq");
        assertEquals(List.of(1L), stackAfter(b -> b.push(Long.MAX_VALUE).push(SIGN).ltu()));
        assertEquals(List.of(0L), stackAfter(b -> b.push(Long.MAX_VALUE).push(SIGN).lts()));
        assertEquals(List.of(1L), stackAfter(b -> b.push(MAX).push(0).lts()), "-1 < 0 signed");
        assertEquals(List.of(0L), stackAfter(b -> b.push(MAX).push(0).ltu()));
        assertEquals(List.of(0L), stackAfter(b -> b.push(1).push(1).ltu()));
    }

    @Test
    void jumps() {
        // jmp skips the push 1
        assertEquals(List.of(2L), stackAfter(b -> b.jmp(2).push(1).push(2)));
        // jz pops and jumps on zero only
        assertEquals(List.of(2L), stackAfter(b -> b.push(0).jz(3).push(1).push(2)));
        assertEquals(List.of(1L, 2L), stackAfter(b -> b.push(SIGN).jz(3).push(1).push(2)));
        // jnz jumps on any non-zero value, including the sign bit alone
        for (long v : new long[] {1, SIGN, MAX}) {
            assertEquals(List.of(2L), stackAfter(b -> b.push(v).jnz(3).push(1).push(2)));
        }
        assertEquals(List.of(1L, 2L), stackAfter(b -> b.push(0).jnz(3).push(1).push(2)));
        // a jump to the program's end ends the run
        Cpu64Machine m = run(b -> b.jmp(2).push(1));
        assertTrue(m.context().halted());
        assertEquals(List.of(), stack(m));
        assertEquals(2, m.context().programCounter());
    }

    @Test
    void callPushesTheReturnIndexAndRetJumpsBack() {
        // 0: call 3   1: push 7   2: halt   3: ret
        Cpu64Machine m = run(b -> b.call(3).push(7).halt().ret());
        assertEquals(List.of(7L), stack(m));
        // call alone: pushes pc + 1
        assertEquals(List.of(1L), stackAfter(b -> b.call(1)));
        assertEquals(List.of(0L, 0L, 5L), stackAfter(b -> b.push(0).push(0).push(0).pop().call(5)));
    }

    @Test
    void haltStopsAfterItself() {
        Cpu64Machine m = Cpu64Machine.create();
        long steps = m.run(Cpu64Program.builder().push(1).halt().push(2).build());
        assertEquals(2, steps);
        assertTrue(m.context().halted());
        assertEquals(List.of(1L), stack(m));
        assertEquals(2, m.context().programCounter());
    }

    @Test
    void loadAndStoreOperandOrder() {
        // store pops the address (top) first, then the value
        Cpu64Machine m = run(b -> b.push(42).push(16).store().push(16).load().push(24).load());
        assertEquals(List.of(42L, 0L), stack(m), "a never-written word reads 0");
        assertEquals(42L, m.context().memory(16).longValue());
        for (long v : EDGES) {
            Cpu64Machine k = run(b -> b.push(v).push(8 * 100).store().push(8 * 100).load());
            assertEquals(List.of(v), stack(k));
        }
    }

    @Test
    void unalignedLoadAndStoreSpliceBigEndian() {
        Cpu64Machine m = run(b -> b.push(0x0011_2233_4455_6677L).push(0).store()
                .push(0x8899_aabb_ccdd_eeffL).push(8).store()
                .push(3).load());
        assertEquals(List.of(0x3344_5566_7788_99aaL), stack(m));
        Cpu64Machine w = run(b -> b.push(0x0011_2233_4455_6677L).push(0).store()
                .push(0x8899_aabb_ccdd_eeffL).push(8).store()
                .push(0x0102_0304_0506_0708L).push(5).store());
        assertEquals(0x0011_2233_4401_0203L, w.context().memory(0).longValue());
        assertEquals(0x0405_0607_08dd_eeffL, w.context().memory(8).longValue());
    }

    @Test
    void ldrAndStrAreRegisterRelative() {
        Cpu64Machine m = run(b -> b.push(24).set(Cpu64Machine.C)
                .push(99).str(Cpu64Machine.C, -8) // memory[16] = 99
                .push(77).str(Cpu64Machine.C, 0) // memory[24] = 77
                .ldr(Cpu64Machine.C, -8).ldr(Cpu64Machine.C, 0).ldr(Cpu64Machine.C, 8));
        assertEquals(List.of(99L, 77L, 0L), stack(m));
        assertEquals(99L, m.context().memory(16).longValue());
        assertEquals(24L, m.context().register(Cpu64Machine.C).longValue(), "the base register is unchanged");
    }

    @Test
    void registers() {
        Cpu64Machine m = run(b -> b.push(MAX).set(Cpu64Machine.A).push(SIGN).set(Cpu64Machine.D)
                .get(Cpu64Machine.A).get(Cpu64Machine.D).get(Cpu64Machine.B)
                .addi(Cpu64Machine.A, 1).addi(Cpu64Machine.D, -1).addi(Cpu64Machine.C, 0));
        assertEquals(List.of(MAX, SIGN, 0L), stack(m));
        assertEquals(0L, m.context().register(Cpu64Machine.A).longValue(), "2^64 - 1 + 1 wraps to 0");
        assertEquals(Long.MAX_VALUE, m.context().register(Cpu64Machine.D).longValue());
        assertEquals(0L, m.context().register(Cpu64Machine.C).longValue());
        assertEquals(0L, m.context().register(Cpu64Machine.B).longValue());
        // registers live in the register section, at the tail of the address space
        long regAddress = Cpu64Machine.LAYOUT.registerAddress(3);
        assertEquals(Long.MAX_VALUE, m.context().memory(regAddress).longValue());
        assertTrue(regAddress > Cpu64Machine.LAYOUT.stackAddress(0));
        assertEquals(0, Cpu64Machine.LAYOUT.memoryBase(), "TAIL layout: memory starts at 0");
    }

    @Test
    void inAndAdvPushTheNextWordOfTheirStreamAndOutPopsToTheOutput() {
        Cpu64Machine m = Cpu64Machine.create();
        m.supplyInput(MAX, 0, SIGN);
        m.supplyAdvice(7, 8);
        // in in adv out out in adv: [] -> [MAX 0 7] -> outputs 7, 0 -> [MAX SIGN 8]
        m.run(Cpu64Program.builder().in().in().adv().out().out().in().adv().build());
        assertEquals(List.of(MAX, SIGN, 8L), stack(m));
        assertEquals(List.of(U64.of(7), U64.of(0)), m.output(), "out appends the popped word, in order");
        assertEquals(List.of(U64.of(MAX), U64.of(0), U64.of(SIGN)), m.streams().input());
        assertEquals(List.of(U64.of(7), U64.of(8)), m.streams().advice());
        assertEquals(m.streams(), m.trace().streams());
    }

    @Test
    void streamInstructionsRecordOnlyTheirStackAccess() {
        Cpu64Machine m = Cpu64Machine.create();
        m.supplyInput(5);
        m.supplyAdvice(6);
        m.run(Cpu64Program.builder().in().adv().out().build());
        Cpu64Trace t = m.trace();
        // in: push 5; adv: push 6; out: pop 6. Stream words are no memory records.
        assertEquals(3, t.size());
        assertEquals(List.of(MemoryInstruction.WRITE, MemoryInstruction.WRITE, MemoryInstruction.READ),
                List.of(t.instruction(0), t.instruction(1), t.instruction(2)));
        assertEquals(List.of(5L, 6L, 6L), List.of(t.value(0).longValue(), t.value(1).longValue(),
                t.value(2).longValue()));
        assertEquals(List.of(Cpu64Instruction.OP_IN, Cpu64Instruction.OP_ADV, Cpu64Instruction.OP_OUT),
                List.of(t.opcode(0), t.opcode(1), t.opcode(2)));
        assertEquals(List.of(U64.of(6)), m.output());
    }

    @Test
    void everyInstructionHasAMnemonicAndDistinctOpcode() {
        List<String> mnemonics = List.of("push", "pop", "dup", "swap", "over", "sel", "add", "sub", "mul", "and",
                "or", "xor", "shl", "shr", "ltu", "lts", "eq", "jmp", "jz", "jnz", "call", "ret", "halt", "load",
                "store", "ldr", "str", "get", "set", "addi", "in", "adv", "out");
        for (int op = 0; op < mnemonics.size(); op++) {
            assertEquals(mnemonics.get(op), Cpu64Trace.mnemonicOf(op));
        }
        assertFalse(mnemonics.contains(Cpu64Trace.mnemonicOf(mnemonics.size())));
    }
}
