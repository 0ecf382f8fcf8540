package dev.zkjvm.example.failclosed;

import dev.zkjvm.annotations.Instruction;
import dev.zkjvm.annotations.Machine;
import dev.zkjvm.annotations.Register;
import dev.zkjvm.annotations.Stack;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.U32;
import dev.zkjvm.runtime.WordStack;

/**
 * A machine whose {@code clamp} body branches on a computed word inside a helper that catches
 * the symbolic run's error and carries on along the other path: the circuit must still refuse it.
 */
@Machine(name = "Swallowing", wordSize = 4, stackDepth = 4, memoryCells = 16)
class SwallowingDefinition {
    @Register Reg r;
    @Stack WordStack<U32> stack;

    @Instruction
    void push(U32 value) {
        stack.push(value);
    }

    /** Pushes 1 for a zero word and the word itself otherwise, decided in Java. */
    @Instruction
    void clamp() {
        stack.push(orOne(stack.pop()));
    }

    // Out of the processor's sight: the catch hides the symbolic run's refusal of isZero().
    private static U32 orOne(U32 x) {
        try {
            return x.isZero() ? U32.of(1) : x;
        } catch (RuntimeException e) {
            return x;
        }
    }
}
