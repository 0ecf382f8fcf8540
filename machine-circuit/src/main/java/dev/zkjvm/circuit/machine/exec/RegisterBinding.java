package dev.zkjvm.circuit.machine.exec;

import java.util.Arrays;

/**
 * What an instruction body's register operands are during one symbolic run. Register operands are
 * program constants, so a body may branch on them in Java; the table compiles each body
 * <ul>
 *   <li><b>generically</b>: every register operand is a placeholder register whose cell is the
 *       operand's column (one set of constraints for every register the program names);</li>
 *   <li><b>generically at a combination</b>: the same placeholders, with the cells of the
 *       registers a program line names, as constants;</li>
 *   <li><b>concretely at a combination</b>: the machine's own register objects, as the VM hands
 *       them to the body.</li>
 * </ul>
 * Where the last two agree for a combination, the body's Java path does not depend on its register
 * operands there and the generic constraints hold for those lines; where they differ, the lines
 * get constraints of their own (see {@link ExecutionTable}).
 *
 * @param registers the register index of each operand position (-1 for word operands), or null
 *     for the generic run
 * @param concrete  whether the body gets the machine's register objects
 */
record RegisterBinding(int[] registers, boolean concrete) {
    /** The generic run. */
    static final RegisterBinding GENERIC = new RegisterBinding(null, false);

    /** Placeholder registers with the cells of {@code registers}. */
    static RegisterBinding genericAt(int[] registers) {
        return new RegisterBinding(registers.clone(), false);
    }

    /** The machine's registers {@code registers}. */
    static RegisterBinding concreteAt(int[] registers) {
        return new RegisterBinding(registers.clone(), true);
    }

    /** Whether register cells are the operand columns. */
    boolean generic() {
        return registers == null;
    }

    /** The register index at operand position {@code operand}. */
    int registerAt(int operand) {
        return registers[operand];
    }

    // A binding is only ever printed (in a refusal's message), never compared.
    @Override
    public String toString() {
        return registers == null ? "generic" : (concrete ? "concrete" : "generic") + Arrays.toString(registers);
    }
}
