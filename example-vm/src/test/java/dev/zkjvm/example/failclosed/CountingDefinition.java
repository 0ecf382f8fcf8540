package dev.zkjvm.example.failclosed;

import dev.zkjvm.annotations.Instruction;
import dev.zkjvm.annotations.Machine;
import dev.zkjvm.annotations.Register;
import dev.zkjvm.annotations.Stack;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.U32;
import dev.zkjvm.runtime.WordStack;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A machine whose {@code tick} body branches on a Java counter that lives outside the machine API:
 * the VM pushes 1 on odd calls and 2 on even ones, which no one set of constraints describes.
 */
@Machine(name = "Counting", wordSize = 4, stackDepth = 8, memoryCells = 16)
class CountingDefinition {
    @Register Reg r;
    @Stack WordStack<U32> stack;

    @Instruction
    void tick() {
        stack.push(U32.of(Calls.next() % 2 == 0 ? 1 : 2));
    }

    /** State a body cannot keep: a counter in another class. */
    static final class Calls {
        private static final AtomicInteger COUNT = new AtomicInteger();

        static int next() {
            return COUNT.getAndIncrement();
        }
    }
}
