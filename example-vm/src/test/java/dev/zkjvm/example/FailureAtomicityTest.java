package dev.zkjvm.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.runtime.InputExhaustedException;
import dev.zkjvm.runtime.InvalidAddressException;
import dev.zkjvm.runtime.InvalidJumpException;
import dev.zkjvm.runtime.MemoryInstruction;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.SectionViolationException;
import dev.zkjvm.runtime.StackOverflowException;
import dev.zkjvm.runtime.StackUnderflowException;
import dev.zkjvm.runtime.StepLimitExceededException;
import dev.zkjvm.runtime.Streams;
import dev.zkjvm.runtime.U256;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.UnknownOpcodeException;
import dev.zkjvm.runtime.VmException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every failure kind on both machines: the exception has the right type, address, step,
 * instruction and message, and the machine (registers, stack, memory, stack depth, program
 * counter, step, time log, halted flag and the whole trace) is exactly as it was before the
 * failing instruction; afterwards the machine goes on correctly.
 *
 * <p>{@code InstructionFailedException} (a body throwing something other than a machine error) is
 * not covered: no body of {@link Cpu64} or {@link SeedExample} can throw anything but machine
 * errors, and adding a deliberately broken instruction only for the test would not be honest.
 */
class FailureAtomicityTest {

    /** Everything observable about a machine, for before/after comparison. */
    record Snapshot(List<?> registers, List<?> stack, Map<Long, ?> memory, int stackDepth, long stackPointer,
                    long programCounter, long step, long timeLog, boolean halted, List<?> trace, Streams<?> streams) {
    }

    /** Addresses worth watching: the first memory words, every stack slot, every register cell. */
    private static List<Long> watched(MemoryLayout layout, long... extra) {
        List<Long> out = new ArrayList<>();
        int w = layout.wordSize();
        long base = layout.memoryBase();
        for (int i = 0; i < 8; i++) {
            out.add(base + (long) w * i);
        }
        long lastMemory = base + (layout.memoryCells() - 1) * w;
        out.add(lastMemory);
        for (long slot = 0; slot < layout.stackDepth(); slot++) {
            out.add(layout.stackAddress(slot));
        }
        for (int r = 0; r < layout.registerCount(); r++) {
            out.add(layout.registerAddress(r));
        }
        for (long e : extra) {
            out.add(e);
        }
        return out;
    }

    static Snapshot snapshot(Cpu64Machine m, long... extra) {
        Cpu64Context c = m.context();
        Map<Long, U64> memory = new LinkedHashMap<>();
        for (long a : watched(c.layout(), extra)) {
            memory.put(a, c.memory(a));
        }
        return new Snapshot(Cpu64Machine.REGISTERS.stream().map(c::register).toList(), c.stack(), memory,
                c.stackDepth(), c.stackPointer(), c.programCounter(), c.step(), c.timeLog(), c.halted(),
                List.copyOf(m.trace().records()), m.streams());
    }

    static Snapshot snapshot(SeedMachine m, long... extra) {
        SeedContext c = m.context();
        Map<Long, U256> memory = new LinkedHashMap<>();
        for (long a : watched(c.layout(), extra)) {
            memory.put(a, c.memory(a));
        }
        return new Snapshot(SeedMachine.REGISTERS.stream().map(c::register).toList(), c.stack(), memory,
                c.stackDepth(), c.stackPointer(), c.programCounter(), c.step(), c.timeLog(), c.halted(),
                List.copyOf(m.trace().records()), m.streams());
    }

    /** Runs {@code failing}, expects {@code type}, and checks the snapshot did not change. */
    static <E extends VmException> E assertAtomic(Supplier<Snapshot> state, Class<E> type, Runnable failing) {
        Snapshot before = state.get();
        E e = assertThrows(type, failing::run);
        Snapshot after = state.get();
        assertEquals(before, after, "state after the failure");
        return e;
    }

    static void assertFailure(VmException e, long address, long step, String instruction, String message) {
        assertEquals(address, e.address(), "address()");
        assertEquals(step, e.step(), "step()");
        assertEquals(instruction, e.instruction(), "instruction()");
        assertEquals(message, e.getMessage(), "message");
    }

    // ======================================================================================
    @Nested
    class Cpu64Failures {
        private final Cpu64Machine m = Cpu64Machine.create();
        private final MemoryLayout layout = Cpu64Machine.LAYOUT;
        private final long end = layout.endAddress();
        private final long memEnd = layout.memoryCells() * 8;

        /** Some state to protect: registers, memory words, a few stack words and trace records. */
        private void prepare() {
            m.run(Cpu64Assembler.parse("""
                    push 11
                    set a
                    push 22
                    set b
                    push 0x8000000000000000
                    set c
                    push -1
                    set d
                    push 1234
                    push 0
                    store
                    push 5678
                    push 8
                    store
                    push 99
                    push 524280       ; last memory word
                    store
                    push 7
                    push 8
                    push 9
                    """));
        }

        private Snapshot state() {
            return snapshot(m, memEnd - 8, memEnd, end - 8);
        }

        /** The machine still works: a push and an add after the failure. */
        private void assertContinues() {
            long step = m.context().step();
            long time = m.context().timeLog();
            int depth = m.context().stackDepth();
            m.exec(new Cpu64Instruction.Push(U64.of(40)));
            m.exec(new Cpu64Instruction.Push(U64.of(2)));
            m.exec(new Cpu64Instruction.Add());
            List<U64> stack = m.context().stack();
            assertEquals(U64.of(42), stack.get(stack.size() - 1));
            assertEquals(depth + 1, m.context().stackDepth());
            assertEquals(step + 3, m.context().step());
            assertEquals(time + 5, m.context().timeLog());
            Cpu64Trace t = m.trace();
            assertEquals(time, t.time((int) time), "the trace goes on without a gap");
            assertEquals(step, t.step((int) time));
            assertEquals(Cpu64Instruction.OP_ADD, t.opcode(t.size() - 1));
            assertEquals(step + 2, t.step(t.size() - 1));
        }

        private <E extends VmException> E fails(Class<E> type, Cpu64Instruction... instructions) {
            E e = assertAtomic(this::state, type, () -> {
                for (Cpu64Instruction i : instructions) {
                    m.exec(i);
                }
            });
            return e;
        }

        @Test
        void invalidAddressBeyondTheAddressSpace() {
            prepare();
            m.exec(new Cpu64Instruction.Push(U64.of(end)));
            long step = m.context().step();
            var e = fails(InvalidAddressException.class, new Cpu64Instruction.Load());
            assertFailure(e, end, step, "load", "[InvalidAddress] address " + end
                    + " is outside the address space [0, " + end + ") (step " + step + ", instruction `load`)");
            assertContinues();

            // an address with the top bit set: not representable as a positive long, reported as -1
            m.exec(new Cpu64Instruction.Push(U64.of(Long.MIN_VALUE)));
            step = m.context().step();
            e = fails(InvalidAddressException.class, new Cpu64Instruction.Store());
            assertFailure(e, -1, step, "store", "[InvalidAddress] address 9223372036854775808"
                    + " is outside the address space [0, " + end + ") (step " + step + ", instruction `store`)");
            assertContinues();

            // register-relative, wrapping past 2^64 - 1 lands at a huge address
            step = m.context().step();
            e = fails(InvalidAddressException.class, new Cpu64Instruction.Ldr(Cpu64Machine.D, U64.of(-2)));
            assertEquals(-1, e.address());
            assertEquals("ldr d, 18446744073709551614", e.instruction());
            assertEquals(step, e.step());
            assertContinues();
        }

        @Test
        void sectionViolationIntoStackRegistersAndBuffers() {
            prepare();
            long stack0 = layout.stackAddress(0);
            long reg0 = layout.registerAddress(0);
            long buffer = memEnd; // first cell after memory: buffer zone
            long buffer2 = layout.stackAddress(layout.stackDepth()); // buffer between stack and registers
            Object[][] cases = {
                {stack0, "stack", new Cpu64Instruction.Load()},
                {reg0, "registers", new Cpu64Instruction.Load()},
                {buffer, "buffer", new Cpu64Instruction.Load()},
                {buffer2, "buffer", new Cpu64Instruction.Store()},
            };
            for (Object[] c : cases) {
                long address = (Long) c[0];
                Cpu64Instruction instruction = (Cpu64Instruction) c[2];
                m.exec(new Cpu64Instruction.Push(U64.of(address)));
                long step = m.context().step();
                var e = fails(SectionViolationException.class, instruction);
                assertFailure(e, address, step, instruction.toString(), "[SectionViolation] memory access at address "
                        + address + " touches cell " + address / 8 + " of the " + c[1] + " section, outside memory cells [0, "
                        + layout.memoryCells() + ") (step " + step + ", instruction `" + instruction + "`)");
                assertContinues();
            }
        }

        @Test
        void unalignedAccessWhoseSecondCellLeavesMemory() {
            prepare();
            long address = memEnd - 3; // first cell: last memory word; second: the buffer zone
            m.exec(new Cpu64Instruction.Push(U64.of(0x0102030405060708L)));
            m.exec(new Cpu64Instruction.Push(U64.of(address)));
            long step = m.context().step();
            var e = fails(SectionViolationException.class, new Cpu64Instruction.Store());
            assertFailure(e, address, step, "store", "[SectionViolation] memory access at address " + address
                    + " touches cell " + (memEnd / 8) + " of the buffer section, outside memory cells [0, "
                    + layout.memoryCells() + ") (step " + step + ", instruction `store`)");
            assertEquals(U64.of(99), m.context().memory(memEnd - 8), "the first cell keeps its value");
            assertContinues();

            m.exec(new Cpu64Instruction.Push(U64.of(address)));
            e = fails(SectionViolationException.class, new Cpu64Instruction.Load());
            assertEquals(address, e.address());
            assertContinues();

            // the same access one byte lower still straddles; eight lower is aligned and fine
            m.exec(new Cpu64Instruction.Push(U64.of(memEnd - 8)));
            m.exec(new Cpu64Instruction.Load());
            assertEquals(U64.of(99), m.context().stack().get(m.context().stackDepth() - 1));
        }

        @Test
        void stackOverflow() {
            prepare();
            // call, over and dup all push after popping: the pops and the pushes before the failing one
            // are rolled back too
            while (m.context().stackDepth() < layout.stackDepth()) {
                m.exec(new Cpu64Instruction.Push(U64.of(m.context().stackDepth() * 3L)));
            }
            long full = layout.stackAddress(layout.stackDepth());
            for (Cpu64Instruction i : List.<Cpu64Instruction>of(new Cpu64Instruction.Push(U64.of(1)),
                    new Cpu64Instruction.Dup(), new Cpu64Instruction.Over(), new Cpu64Instruction.Call(U64.of(0)),
                    new Cpu64Instruction.Get(Cpu64Machine.A), new Cpu64Instruction.Ldr(Cpu64Machine.A, U64.of(-11)))) {
                long step = m.context().step();
                var e = fails(StackOverflowException.class, i);
                assertFailure(e, full, step, i.toString(), "[StackOverflow] push onto a full stack of depth 1024 (step "
                        + step + ", instruction `" + i + "`)");
            }
            m.exec(new Cpu64Instruction.Pop());
            m.exec(new Cpu64Instruction.Pop());
            assertContinues();
        }

        @Test
        void stackUnderflow() {
            prepare();
            m.exec(new Cpu64Instruction.Pop());
            m.exec(new Cpu64Instruction.Pop());
            m.exec(new Cpu64Instruction.Pop());
            assertEquals(0, m.context().stackDepth());
            // leave a stale value in slot 0 and 1: the rollback must not touch them
            long slot0 = layout.stackAddress(0);
            assertEquals(U64.of(7), m.context().memory(slot0));
            for (Cpu64Instruction i : List.<Cpu64Instruction>of(new Cpu64Instruction.Pop(), new Cpu64Instruction.Dup(),
                    new Cpu64Instruction.Ret(), new Cpu64Instruction.Set(Cpu64Machine.B),
                    new Cpu64Instruction.Jz(U64.of(0)), new Cpu64Instruction.Str(Cpu64Machine.A, U64.of(0)))) {
                long step = m.context().step();
                var e = fails(StackUnderflowException.class, i);
                assertFailure(e, slot0, step, i.toString(), "[StackUnderflow] pop from an empty stack (step " + step
                        + ", instruction `" + i + "`)");
            }
            // with one word on the stack, binary operations pop it and then fail: the pop is undone
            m.exec(new Cpu64Instruction.Push(U64.of(5)));
            for (Cpu64Instruction i : List.<Cpu64Instruction>of(new Cpu64Instruction.Add(), new Cpu64Instruction.Swap(),
                    new Cpu64Instruction.Over(), new Cpu64Instruction.Store(), new Cpu64Instruction.Sel(),
                    new Cpu64Instruction.Ltu())) {
                long step = m.context().step();
                var e = fails(StackUnderflowException.class, i);
                assertEquals(slot0, e.address());
                assertEquals(step, e.step());
                assertEquals(1, m.context().stackDepth());
            }
            assertContinues();
        }

        @Test
        void invalidJumpPastTheProgramEnd() {
            // 0: push 3   1: set a   2: push 777   3: pop   4: jmp 100
            Cpu64Program p = Cpu64Assembler.parse("""
                    push 3
                    set a
                    push 777
                    pop
                    jmp 100
                    """);
            // the state just before step 4, by stopping at the step limit
            Cpu64Machine reference = Cpu64Machine.create();
            assertThrows(StepLimitExceededException.class, () -> reference.run(p, 4));
            Snapshot expected = snapshot(reference);
            assertEquals(4, expected.programCounter());

            Cpu64Machine run = Cpu64Machine.create();
            var e = assertThrows(InvalidJumpException.class, () -> run.run(p));
            assertFailure(e, -1, 4, "jmp 100", "[InvalidJump] jump target 100 is outside the program of 5 instructions"
                    + " (step 4, instruction `jmp 100`)");
            assertEquals(expected, snapshot(run), "a failed run leaves the state before the failing step");

            // the same through exec on the stopped reference machine, for jmp, jz, jnz, call and ret
            List<Cpu64Instruction> jumps = List.of(new Cpu64Instruction.Jmp(U64.of(6)),
                    new Cpu64Instruction.Jmp(U64.of(-1)), new Cpu64Instruction.Call(U64.of(100)));
            for (Cpu64Instruction i : jumps) {
                var f = assertAtomic(() -> snapshot(reference), InvalidJumpException.class, () -> reference.exec(i));
                assertEquals(4, f.step());
                assertEquals(i.toString(), f.instruction());
            }
            // call pushes its return index over the stale 777 in slot 0 before the jump fails: undone
            assertEquals(U64.of(777), reference.context().memory(Cpu64Machine.LAYOUT.stackAddress(0)));
            reference.exec(new Cpu64Instruction.Push(U64.of(0)));
            var f = assertAtomic(() -> snapshot(reference), InvalidJumpException.class,
                    () -> reference.exec(new Cpu64Instruction.Jz(U64.of(1000))));
            assertEquals(-1, f.address());
            reference.exec(new Cpu64Instruction.Push(U64.of(1_000_000)));
            assertAtomic(() -> snapshot(reference), InvalidJumpException.class,
                    () -> reference.exec(new Cpu64Instruction.Ret()));
            // a jump to exactly the end is allowed and ends the run
            Cpu64Machine ok = Cpu64Machine.create();
            ok.run(Cpu64Program.builder().jmp(2).push(1).build());
            assertTrue(ok.context().halted());

            // the failed run can be followed by another run on the same machine
            run.run(Cpu64Program.builder().get(Cpu64Machine.A).push(4).add().set(Cpu64Machine.B).build());
            assertEquals(U64.of(7), run.context().register(Cpu64Machine.B));
        }

        @Test
        void failureInTheMiddleOfARunOfABundledProgram() {
            // array_sum told of 3 words and given 2: the third `in` fails, with the sum so far on the stack
            Cpu64Program sum = Programs.program("array_sum");
            long[] input = {3, 5, 6};
            Cpu64Machine run = Cpu64Machine.create();
            run.supplyInput(input);
            var e = assertThrows(InputExhaustedException.class, () -> run.run(sum));
            assertFailure(e, -1, 15, "in", "[InputExhausted] the program reads public input word 3, but the input has"
                    + " 3 words (step 15, instruction `in`)");

            Cpu64Machine reference = Cpu64Machine.create();
            reference.supplyInput(input);
            assertThrows(StepLimitExceededException.class, () -> reference.run(sum, e.step()));
            assertEquals(snapshot(reference), snapshot(run));
            assertEquals(U64.of(1), run.context().register(Cpu64Machine.A), "one word left to read");
            assertEquals(List.of(U64.of(11)), run.context().stack(), "the sum so far");
            assertEquals(3, run.streams().input().size(), "the failing `in` consumed nothing");

            // more input, and the same machine goes on from the failed step
            run.supplyInput(31);
            run.exec(new Cpu64Instruction.In());
            run.exec(new Cpu64Instruction.Add());
            run.exec(new Cpu64Instruction.Out());
            assertEquals(List.of(U64.of(42)), run.output());
        }

        @Test
        void streamInstructionsAreAtomic() {
            prepare();
            m.supplyInput(100);
            m.supplyAdvice(200);
            // an empty stack for `out`: the pop fails, nothing is output
            Cpu64Machine empty = Cpu64Machine.create();
            var u = assertAtomic(() -> snapshot(empty), StackUnderflowException.class,
                    () -> empty.exec(new Cpu64Instruction.Out()));
            assertEquals("out", u.instruction());
            assertTrue(empty.output().isEmpty());
            // a full stack: `in` and `adv` read their word, then the push fails; the read is undone
            while (m.context().stackDepth() < layout.stackDepth()) {
                m.exec(new Cpu64Instruction.Push(U64.of(3)));
            }
            for (Cpu64Instruction i : List.<Cpu64Instruction>of(new Cpu64Instruction.In(), new Cpu64Instruction.Adv())) {
                long step = m.context().step();
                var e = fails(StackOverflowException.class, i);
                assertEquals(step, e.step());
                assertEquals(i.toString(), e.instruction());
            }
            m.exec(new Cpu64Instruction.Pop());
            m.exec(new Cpu64Instruction.Pop());
            m.exec(new Cpu64Instruction.In());
            m.exec(new Cpu64Instruction.Adv());
            List<U64> stack = m.context().stack();
            assertEquals(List.of(U64.of(100), U64.of(200)), stack.subList(stack.size() - 2, stack.size()),
                    "the words the failed steps had read are read again");
            // both streams are now used up: reading on fails and reads nothing
            m.exec(new Cpu64Instruction.Pop());
            m.exec(new Cpu64Instruction.Pop());
            for (Cpu64Instruction i : List.<Cpu64Instruction>of(new Cpu64Instruction.In(), new Cpu64Instruction.Adv())) {
                long step = m.context().step();
                var e = fails(InputExhaustedException.class, i);
                String stream = i instanceof Cpu64Instruction.In ? "public input word 1, but the input"
                        : "advice word 1, but the advice";
                assertFailure(e, -1, step, i.toString(), "[InputExhausted] the program reads " + stream + " has 1 word"
                        + " (step " + step + ", instruction `" + i + "`)");
            }
            assertEquals(List.of(U64.of(100)), m.streams().input());
            assertEquals(List.of(U64.of(200)), m.streams().advice());
            assertContinues();
        }

        @Test
        void unknownOpcodeWhenDecoding() {
            prepare();
            Snapshot before = state();
            var e = assertThrows(UnknownOpcodeException.class, () -> Cpu64Program.decode(List.of(U64.of(999))));
            assertFailure(e, -1, -1, "", "[UnknownOpcode] unknown opcode 999 at word 0");
            e = assertThrows(UnknownOpcodeException.class,
                    () -> Cpu64Program.decode(List.of(U64.of(Cpu64Instruction.OP_POP), U64.of(-1))));
            assertEquals("[UnknownOpcode] unknown opcode 18446744073709551615 at word 1", e.getMessage());
            e = assertThrows(UnknownOpcodeException.class,
                    () -> Cpu64Program.decode(List.of(U64.of(Cpu64Instruction.OP_PUSH))));
            assertEquals("[UnknownOpcode] `push` at word 0 needs 2 words but only 1 remain", e.getMessage());
            e = assertThrows(UnknownOpcodeException.class,
                    () -> Cpu64Program.decode(List.of(U64.of(Cpu64Instruction.OP_GET), U64.of(4))));
            assertEquals("[UnknownOpcode] operand 4 is not a register index (the machine has 4)", e.getMessage());
            assertEquals(before, state(), "decoding touches no machine");
            assertContinues();
        }

        @Test
        void stepLimitOnAnInfiniteLoop() {
            Cpu64Program loop = Cpu64Assembler.parse("""
                    loop: push 1
                          pop
                          addi a, 1
                          jmp loop
                    """);
            var e = assertThrows(StepLimitExceededException.class, () -> m.run(loop, 10));
            // steps 0..9 ran instructions 0,1,2,3,0,1,2,3,0,1; the next one is instruction 2
            assertFailure(e, -1, 10, "addi a, 1", "[StepLimitExceeded] the program did not halt within 10 steps"
                    + " (step 10, instruction `addi a, 1`)");
            // the reference: exactly ten instructions executed one by one
            Cpu64Machine reference = Cpu64Machine.create();
            for (int s = 0; s < 10; s++) {
                reference.exec(loop.instructions().get((int) reference.context().programCounter()));
            }
            assertEquals(snapshot(reference), snapshot(m));
            assertEquals(U64.of(2), m.context().register(Cpu64Machine.A));
            assertEquals(2, m.context().programCounter());
            assertFalse(m.context().halted());
            // the step limit counts the steps of this run only
            var again = assertThrows(StepLimitExceededException.class, () -> m.run(loop, 3));
            assertEquals(13, again.step());
            assertEquals("jmp 0", again.instruction());
            assertContinues();
        }
    }

    // ======================================================================================
    @Nested
    class SeedFailures {
        private final SeedMachine m = SeedMachine.create();
        private final MemoryLayout layout = SeedMachine.LAYOUT;
        private final long base = layout.memoryBase();
        private final long end = layout.endAddress();

        private void prepare() {
            m.run(SeedAssembler.parse("""
                    write %d, 0x1111
                    write %d, -1
                    push 7
                    pop r0
                    push 8
                    pop r1
                    push 0xabcdef
                    push 9
                    """.formatted(base, end - 32)));
        }

        private Snapshot state() {
            return snapshot(m, end - 32, base + 32);
        }

        private <E extends VmException> E fails(Class<E> type, SeedInstruction i) {
            return assertAtomic(this::state, type, () -> m.exec(i));
        }

        private void assertContinues() {
            long step = m.context().step();
            long time = m.context().timeLog();
            m.exec(new SeedInstruction.Write(U256.of(base + 64), U256.of(31)));
            m.exec(new SeedInstruction.Load(SeedMachine.R3, U256.of(base + 64)));
            assertEquals(U256.of(31), m.context().register(SeedMachine.R3));
            assertEquals(step + 2, m.context().step());
            assertEquals(time + 3, m.context().timeLog());
            SeedTraceRecord r = m.trace().record((int) time);
            assertEquals(new SeedTraceRecord(time, m.context().stackDepth(), MemoryInstruction.WRITE, base + 64,
                    U256.of(31), step, SeedInstruction.OP_WRITE), r);
        }

        @Test
        void invalidAddress() {
            prepare();
            long step = m.context().step();
            var e = fails(InvalidAddressException.class, new SeedInstruction.Read(U256.of(end)));
            assertFailure(e, end, step, "read " + end, "[InvalidAddress] address " + end
                    + " is outside the address space [0, " + end + ") (step " + step + ", instruction `read " + end + "`)");
            U256 huge = U256.of(BigInteger.ONE.shiftLeft(200));
            e = fails(InvalidAddressException.class, new SeedInstruction.Save(huge, SeedMachine.R0));
            assertEquals(-1, e.address());
            assertEquals("save " + huge + ", r0", e.instruction());
            assertTrue(e.getMessage().startsWith("[InvalidAddress] address " + huge + " is outside"));
            // unaligned at the very end: the second cell is past the address space
            long last = end - 5;
            e = fails(InvalidAddressException.class, new SeedInstruction.Write(U256.of(last), U256.of(1)));
            assertFailure(e, last, step, "write " + last + ", 1", "[InvalidAddress] the word at address " + last
                    + " ends at byte " + (last + 31) + ", past the address space [0, " + end + ") (step " + step
                    + ", instruction `write " + last + ", 1`)");
            assertEquals(U256.of(-1), m.context().memory(end - 32), "the first cell keeps its value");
            assertContinues();
        }

        @Test
        void sectionViolations() {
            prepare();
            long[][] cases = {
                {0, 0}, // stack slot 0
                {layout.stackAddress(63), 0},
                {layout.registerAddress(0), 1},
                {layout.registerAddress(3) + 32, 2}, // buffer after registers
                {base - 32, 2}, // buffer just before memory
                {base - 5, 2}, // unaligned: first cell in the buffer
            };
            String[] sections = {"stack", "registers", "buffer"};
            for (long[] c : cases) {
                long address = c[0];
                for (SeedInstruction i : List.<SeedInstruction>of(new SeedInstruction.Read(U256.of(address)),
                        new SeedInstruction.Write(U256.of(address), U256.of(3)),
                        new SeedInstruction.Load(SeedMachine.R0, U256.of(address)),
                        new SeedInstruction.Save(U256.of(address), SeedMachine.R1))) {
                    long step = m.context().step();
                    var e = fails(SectionViolationException.class, i);
                    assertFailure(e, address, step, i.toString(), "[SectionViolation] memory access at address " + address
                            + " touches cell " + address / 32 + " of the " + sections[(int) c[1]]
                            + " section, outside memory cells [" + base / 32 + ", " + end / 32 + ") (step " + step
                            + ", instruction `" + i + "`)");
                }
            }
            assertContinues();
        }

        @Test
        void stackOverflowAndUnderflow() {
            prepare();
            while (m.context().stackDepth() < 64) {
                m.exec(new SeedInstruction.Push(U256.of(m.context().stackDepth())));
            }
            long step = m.context().step();
            var e = fails(StackOverflowException.class, new SeedInstruction.Push(U256.of(1)));
            assertFailure(e, layout.stackAddress(64), step, "push 1",
                    "[StackOverflow] push onto a full stack of depth 64 (step " + step + ", instruction `push 1`)");
            // a direct (seed-level) push fails the same way, with no step
            var d = assertAtomic(this::state, StackOverflowException.class, () -> m.push(U256.of(2)));
            assertEquals(-1, d.step());
            while (m.context().stackDepth() > 0) {
                m.exec(new SeedInstruction.Pop(SeedMachine.R2));
            }
            assertEquals(U256.of(0xabcdef), m.context().register(SeedMachine.R2));
            step = m.context().step();
            var u = fails(StackUnderflowException.class, new SeedInstruction.Pop(SeedMachine.R0));
            assertFailure(u, 0, step, "pop r0", "[StackUnderflow] pop from an empty stack (step " + step
                    + ", instruction `pop r0`)");
            u = fails(StackUnderflowException.class, new SeedInstruction.Swap(SeedMachine.R1));
            assertEquals("swap r1", u.instruction());
            assertAtomic(this::state, StackUnderflowException.class, () -> m.pop());
            assertContinues();
        }

        @Test
        void unknownOpcodeWhenDecoding() {
            var e = assertThrows(UnknownOpcodeException.class, () -> SeedProgram.decode(List.of(U256.of(9))));
            assertFailure(e, -1, -1, "", "[UnknownOpcode] unknown opcode 9 at word 0");
            e = assertThrows(UnknownOpcodeException.class, () -> SeedProgram.decode(
                    List.of(U256.of(BigInteger.ONE.shiftLeft(255)))));
            assertTrue(e.getMessage().startsWith("[UnknownOpcode] unknown opcode 5789604461865809771178549250434395392663"));
            e = assertThrows(UnknownOpcodeException.class, () -> SeedProgram.decode(
                    List.of(U256.of(SeedInstruction.OP_MOV), U256.of(0), U256.of(4))));
            assertEquals("[UnknownOpcode] operand 4 is not a register index (the machine has 4)", e.getMessage());
        }

        @Test
        void stepLimit() {
            SeedProgram p = SeedProgram.builder().push(1).push(2).pop(SeedMachine.R0).pop(SeedMachine.R1)
                    .add(SeedMachine.R0, SeedMachine.R1).build();
            var e = assertThrows(StepLimitExceededException.class, () -> m.run(p, 3));
            assertFailure(e, -1, 3, "pop r1", "[StepLimitExceeded] the program did not halt within 3 steps"
                    + " (step 3, instruction `pop r1`)");
            SeedMachine reference = SeedMachine.create();
            for (int i = 0; i < 3; i++) {
                reference.exec(p.instructions().get(i));
            }
            assertEquals(snapshot(reference), snapshot(m));
            assertContinues();
        }

        @Test
        void directAccessesAreAtomicToo() {
            prepare();
            Snapshot before = state();
            assertThrows(SectionViolationException.class, () -> m.write(0, U256.of(1)));
            assertThrows(InvalidAddressException.class, () -> m.read(end));
            assertThrows(SectionViolationException.class, () -> m.set(new Reg(9, "r9"), U256.of(1)));
            assertEquals(before, state());
            assertContinues();
        }
    }
}
