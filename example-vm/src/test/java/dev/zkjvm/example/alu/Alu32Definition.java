package dev.zkjvm.example.alu;

import dev.zkjvm.annotations.Layout;
import dev.zkjvm.annotations.Machine;
import dev.zkjvm.runtime.U32;

/** The 32-bit machine of the arithmetic gadget tests: the instruction set {@link AluIsa} on U32 words. */
@Machine(name = "Alu32", wordSize = 4, stackDepth = 16, layout = Layout.HEAD, bufferCells = 2, memoryCells = 64)
class Alu32Definition extends AluIsa<U32> {
}
