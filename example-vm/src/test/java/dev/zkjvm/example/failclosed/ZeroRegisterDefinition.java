package dev.zkjvm.example.failclosed;

import dev.zkjvm.annotations.Instruction;
import dev.zkjvm.annotations.Machine;
import dev.zkjvm.annotations.Register;
import dev.zkjvm.annotations.Stack;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.U32;
import dev.zkjvm.runtime.Vm;
import dev.zkjvm.runtime.WordStack;

/**
 * A RISC-V style register machine whose register {@code x0} is hard-wired to zero: a write to it
 * is dropped, written as a plain Java branch on the register operand. The circuit compiles the
 * bodies per register combination a program uses, so each line is constrained as the VM runs it.
 */
@Machine(name = "ZeroRegister", wordSize = 4, stackDepth = 4, memoryCells = 16)
class ZeroRegisterDefinition {
    @Register Reg x0;
    @Register Reg x1;
    @Register Reg x2;
    @Register Reg x3;
    @Stack WordStack<U32> stack;

    /** {@code li rd imm}: {@code rd = imm}, unless {@code rd} is x0. */
    @Instruction
    void li(Reg rd, U32 imm, Vm<U32> vm) {
        if (rd.index() != 0) {
            vm.set(rd, imm);
        }
    }

    /** {@code add rd rs1 rs2}: {@code rd = rs1 + rs2}, unless {@code rd} is x0. */
    @Instruction
    void add(Reg rd, Reg rs1, Reg rs2, Vm<U32> vm) {
        U32 sum = vm.get(rs1).add(vm.get(rs2));
        if (!rd.equals(x0)) {
            vm.set(rd, sum);
        }
    }

    /** {@code bnez rs target}: jump to {@code target} if {@code rs != 0}. */
    @Instruction
    void bnez(Reg rs, U32 target, Vm<U32> vm) {
        vm.jumpIf(vm.get(rs), target);
    }

    /** {@code halt}: stop. */
    @Instruction
    void halt(Vm<U32> vm) {
        vm.halt();
    }

    /** {@code exit target}: jump to {@code target} and stop there (the VM checks the target first). */
    @Instruction
    void exit(U32 target, Vm<U32> vm) {
        vm.jump(target);
        vm.halt();
    }
}
