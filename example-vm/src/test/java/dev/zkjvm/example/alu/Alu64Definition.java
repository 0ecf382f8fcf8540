package dev.zkjvm.example.alu;

import dev.zkjvm.annotations.Layout;
import dev.zkjvm.annotations.Machine;
import dev.zkjvm.runtime.U64;

/** The 64-bit machine of the arithmetic gadget tests: the instruction set {@link AluIsa} on U64 words. */
@Machine(name = "Alu64", wordSize = 8, stackDepth = 16, layout = Layout.TAIL, bufferCells = 2, memoryCells = 64)
class Alu64Definition extends AluIsa<U64> {
}
