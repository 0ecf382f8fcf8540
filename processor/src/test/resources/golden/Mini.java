package golden;

import dev.zkjvm.annotations.Instruction;
import dev.zkjvm.annotations.Machine;
import dev.zkjvm.annotations.Register;
import dev.zkjvm.annotations.Stack;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.U32;
import dev.zkjvm.runtime.Vm;
import dev.zkjvm.runtime.WordStack;

@Machine(wordSize = 4, stackDepth = 8, bufferCells = 1, memoryCells = 16, maxSteps = 1000)
public class Mini {
    @Register Reg r0;
    @Stack WordStack<U32> stack;

    @Instruction
    void push(U32 value) {
        stack.push(value);
    }

    @Instruction(opcode = 7)
    void add() {
        stack.push(stack.pop().add(stack.pop()));
    }

    @Instruction
    void set(Reg dst, U32 value, Vm<U32> vm) {
        vm.set(dst, value);
    }
}
