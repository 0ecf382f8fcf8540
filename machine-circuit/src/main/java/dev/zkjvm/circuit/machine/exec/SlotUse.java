package dev.zkjvm.circuit.machine.exec;

/**
 * How one instruction uses one slot; constants of the instruction.
 *
 * @param write      1 for a write, 0 for a read
 * @param kind       section kind: 0 memory, 1 stack, 2 registers ({@link ExecutionTable#KIND_MEMORY} ...)
 * @param depthAfter the stack depth after the access, relative to the depth at the step's start
 * @param second     1 for the second cell of an unaligned access (the runtime's second-cell mark)
 * @param always     whether the instruction makes this access on each of its steps (not only on
 *                   unaligned ones)
 */
record SlotUse(int write, int kind, int depthAfter, int second, boolean always) {
}
