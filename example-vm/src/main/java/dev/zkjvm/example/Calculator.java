package dev.zkjvm.example;

import dev.zkjvm.annotations.Instruction;
import dev.zkjvm.annotations.Machine;
import dev.zkjvm.annotations.Register;
import dev.zkjvm.annotations.Stack;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.Vm;
import dev.zkjvm.runtime.WordStack;

/**
 * The machine of the user guide ({@code docs/guide.md}): a 64-bit stack calculator with an
 * accumulator register. Everything else ({@code CalculatorMachine}, {@code CalculatorProgram},
 * ...) is generated from this class.
 */
@Machine(wordSize = 8, stackDepth = 16, memoryCells = 256)
public class Calculator {
    @Register Reg acc;
    @Stack WordStack<U64> stack;

    /** Pushes an immediate. */
    @Instruction
    void push(U64 value) {
        stack.push(value);
    }

    /** Pops two words and pushes their sum. */
    @Instruction
    void add() {
        stack.push(stack.pop().add(stack.pop()));
    }

    /** Pops two words and pushes their product. */
    @Instruction
    void mul() {
        stack.push(stack.pop().mul(stack.pop()));
    }

    /** Pops a word into the accumulator. */
    @Instruction
    void store(Vm<U64> vm) {
        vm.set(acc, stack.pop());
    }

    /** Pops a word and writes it at {@code address}. */
    @Instruction
    void save(U64 address, Vm<U64> vm) {
        vm.write(address, stack.pop());
    }
}
