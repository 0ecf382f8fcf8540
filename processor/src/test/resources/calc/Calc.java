package calc;

import dev.zkjvm.annotations.Instruction;
import dev.zkjvm.annotations.Machine;
import dev.zkjvm.annotations.Register;
import dev.zkjvm.annotations.Stack;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.Vm;
import dev.zkjvm.runtime.WordStack;

/** A small 64-bit stack calculator: every operand kind, and an instruction that takes the Vm. */
@Machine(stackDepth = 16, bufferCells = 2, memoryCells = 64)
public class Calc {
    @Register Reg acc;
    @Register Reg tmp;
    @Stack WordStack<U64> stack;

    /** Pushes a word. */
    @Instruction
    void push(U64 value) {
        stack.push(value);
    }

    /** Pops two words, pushes their sum. */
    @Instruction
    void add() {
        stack.push(stack.pop().add(stack.pop()));
    }

    /** {@code dst = value} (a long immediate). */
    @Instruction
    void load(Reg dst, long value, Vm<U64> vm) {
        vm.set(dst, vm.word(value));
    }

    /** Pops into {@code dst}. */
    @Instruction
    void pop(Reg dst, Vm<U64> vm) {
        vm.set(dst, stack.pop());
    }

    /** Pushes {@code src + amount} (an int immediate). */
    @Instruction
    void pushAdd(Reg src, int amount, Vm<U64> vm) {
        stack.push(vm.get(src).add(vm.word(amount)));
    }

    /** Stops the machine. */
    @Instruction(mnemonic = "stop")
    void halt(Vm<U64> vm) {
        vm.halt();
    }
}
