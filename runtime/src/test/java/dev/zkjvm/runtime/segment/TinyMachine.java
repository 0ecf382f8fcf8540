package dev.zkjvm.runtime.segment;

import dev.zkjvm.runtime.AbstractContext;
import dev.zkjvm.runtime.AbstractInstruction;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.SectionOrder;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.core.MachineSupport;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written stack machine for the runtime's own tests (the generated ones live in modules that
 * depend on the runtime): push, add, registers, memory, streams, conditional jump and halt.
 */
final class TinyMachine extends MachineSupport<U64, TinyMachine.Op> {
    static final MemoryLayout LAYOUT = new MemoryLayout(8, SectionOrder.TAIL, 16, 2, 2, 64);

    /** One instruction: an opcode and its operand. */
    record Op(int opcode, long arg) implements AbstractInstruction<U64, TinyMachine> {
        static final int PUSH = 0;
        static final int ADD = 1;
        static final int IN = 2;
        static final int ADV = 3;
        static final int OUT = 4;
        static final int SET = 5;
        static final int GET = 6;
        static final int STORE = 7;
        static final int LOAD = 8;
        static final int JNZ = 9;
        static final int HALT = 10;
        static final List<String> MNEMONICS = List.of("push", "add", "in", "adv", "out", "set", "get", "store",
                "load", "jnz", "halt");

        @Override
        public String mnemonic() {
            return MNEMONICS.get(opcode);
        }

        @Override
        public void execute(TinyMachine machine) {
            machine.exec(this);
        }

        @Override
        public String toString() {
            return mnemonic() + " " + arg;
        }
    }

    TinyMachine(long maxSteps) {
        super(U64.TYPE, LAYOUT, maxSteps);
    }

    @Override
    public AbstractContext<U64> context() {
        return core;
    }

    @Override
    protected void dispatch(AbstractInstruction<?, ?> instruction, int opcode) {
        long arg = ((Op) instruction).arg();
        switch (opcode) {
            case Op.PUSH -> core.push(U64.of(arg));
            case Op.ADD -> core.push(core.pop().add(core.pop()));
            case Op.IN -> core.push(core.input());
            case Op.ADV -> core.push(core.advice());
            case Op.OUT -> core.output(core.pop());
            case Op.SET -> core.set(new Reg((int) arg, "r" + arg), core.pop());
            case Op.GET -> core.push(core.get(new Reg((int) arg, "r" + arg)));
            case Op.STORE -> core.write(U64.of(LAYOUT.memoryBase() + arg), core.pop());
            case Op.LOAD -> core.push(core.read(U64.of(LAYOUT.memoryBase() + arg)));
            case Op.JNZ -> core.jumpIf(core.pop(), U64.of(arg));
            case Op.HALT -> core.halt();
            default -> throw new IllegalArgumentException("opcode " + opcode);
        }
    }

    /** A program from pairs {@code opcode, arg, opcode, arg, ...}. */
    static List<Op> program(long... pairs) {
        List<Op> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(new Op((int) pairs[i], pairs[i + 1]));
        }
        return out;
    }

    /**
     * Reads n from the input; n times adds an advice word to register 0, writes the sum at byte 4 of
     * memory (an unaligned word: two cells), reads it back and outputs it; then halts.
     */
    static List<Op> summer() {
        return program(
                Op.IN, 0, Op.SET, 1,                       // 0-1: r1 = n
                Op.ADV, 0, Op.GET, 0, Op.ADD, 0, Op.SET, 0, // 2-5: r0 += advice
                Op.GET, 0, Op.STORE, 4,                    // 6-7: mem[4..12) = r0 (unaligned)
                Op.LOAD, 4, Op.OUT, 0,                     // 8-9: out mem[4..12)
                Op.GET, 1, Op.PUSH, -1, Op.ADD, 0, Op.SET, 1, // 10-13: r1 -= 1
                Op.GET, 1, Op.JNZ, 2,                      // 14-15: loop while r1 != 0
                Op.HALT, 0);                               // 16
    }
}
