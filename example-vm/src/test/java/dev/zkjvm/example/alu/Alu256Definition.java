package dev.zkjvm.example.alu;

import dev.zkjvm.annotations.Layout;
import dev.zkjvm.annotations.Machine;
import dev.zkjvm.runtime.U256;

/** The 256-bit machine of the arithmetic gadget tests: the instruction set {@link AluIsa} on U256 words. */
@Machine(name = "Alu256", wordSize = 32, stackDepth = 16, layout = Layout.HEAD, bufferCells = 2, memoryCells = 64)
class Alu256Definition extends AluIsa<U256> {
}
