package dev.zkjvm.example;

import dev.zkjvm.annotations.Instruction;
import dev.zkjvm.annotations.Machine;
import dev.zkjvm.annotations.Register;
import dev.zkjvm.annotations.Stack;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.Vm;
import dev.zkjvm.runtime.WordStack;

/** A test machine whose {@code divide} body can throw a plain Java exception halfway through. */
@Machine(wordSize = 8, stackDepth = 8, memoryCells = 16)
public class Faulty {
    @Register Reg r;
    @Stack WordStack<U64> stack;

    @Instruction
    void push(U64 value) {
        stack.push(value);
    }

    /** Pops a divisor and a dividend, writes the dividend to r, then divides in plain Java. */
    @Instruction
    void divide(Vm<U64> vm) {
        U64 divisor = stack.pop();
        U64 dividend = stack.pop();
        vm.set(r, dividend);
        stack.push(quotient(dividend, divisor));
    }

    // A helper, so that the processor's scan of the body itself does not see the Java division:
    // this machine's circuit then fails when it is built, which is what its tests check.
    private static U64 quotient(U64 dividend, U64 divisor) {
        return U64.of(dividend.longValue() / divisor.longValue());
    }
}
