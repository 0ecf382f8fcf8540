package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U32;
import dev.zkjvm.runtime.Vm;
import dev.zkjvm.runtime.WordStack;
import dev.zkjvm.runtime.core.MachineCore;
import java.util.Arrays;
import java.util.List;

/**
 * Runs hand-written instruction specs concretely on a {@link MachineCore}, through the same bodies
 * the circuit compiles, line after line: for programs of operand-free instructions that do not
 * jump, each spec at the index of its opcode.
 */
final class ConcreteRun {
    private ConcreteRun() {
    }

    /** The trace of {@code program} (opcodes) with these streams. */
    static Trace<U32> run(List<InstructionSpec<U32>> specs, MemoryLayout layout, int[] program, long[] input,
            long[] advice) {
        MachineCore<U32> core = new MachineCore<>(U32.TYPE, layout);
        core.supplyInput(Arrays.stream(input).mapToObj(U32::of).toList());
        core.supplyAdvice(Arrays.stream(advice).mapToObj(U32::of).toList());
        core.startProgram(program.length);
        SymbolicCall<U32> concrete = new SymbolicCall<>() {
            @Override
            public U32 word(int index) {
                throw new IllegalStateException("no operands");
            }

            @Override
            public Reg register(int index) {
                throw new IllegalStateException("no operands");
            }

            @Override
            public Vm<U32> vm() {
                return core;
            }

            @Override
            public WordStack<U32> stack() {
                return core.stack();
            }
        };
        for (int op : program) {
            core.begin(op);
            specs.get(op).body().accept(concrete);
            core.commit();
        }
        return core.trace();
    }
}
