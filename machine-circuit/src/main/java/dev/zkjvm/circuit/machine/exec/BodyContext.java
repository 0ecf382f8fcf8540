package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;

/**
 * What a gadget may do while an instruction body compiles: state constraints of the instruction,
 * take helper columns and memory-operation slots from the execution table's pools, make words, and
 * add the actions that compute the step's cells. The execution table itself stays out of reach:
 * gadgets see the step's program counter and the layout's word size, nothing else of it.
 *
 * @param <W> the machine's word type
 */
interface BodyContext<W extends Word<W>> {
    /** The machine's word type. */
    WordType<W> type();

    /** 16-bit limbs per word. */
    int limbs();

    /** A constraint of the instruction: {@code e = 0} on its rows. */
    void require(String what, Expr e);

    /** An action that computes cells of the step's row from its concrete values. */
    void action(Action action);

    /** A new word with these 16-bit limb expressions; an action sets its concrete value. */
    W word(Expr[] limbs);

    /**
     * A new word whose limbs are expressions of degree 2 over cells, put in cells only if a gadget
     * takes it; {@code what} names the requirements that would do so. Its limbs must be in
     * [0, 2^16) on every row that satisfies the body's other requirements.
     */
    W deferred(Expr[] limbs, String what);

    /** {@code w} as a word of this body (a constant becomes one), with limbs of degree at most 1. */
    SymbolicWord<W> lift(W w);

    /** A pooled helper column with no constraint of its own. */
    Column free();

    /** A pooled helper column range-checked to 16 bits. */
    Column range16();

    /** A pooled helper column constrained to 0 or 1. */
    Column bool(String what);

    /** Three pooled columns (x, y, x AND y) looked up in the byte table. */
    Column[] bytes();

    /**
     * A pooled helper column range-checked to 8 bits: a byte that needs no AND, checked on a
     * 256-row table instead of the 2^16-row byte table.
     */
    Column byteCell();

    /** Claims the next memory-operation slot for an access each step makes; returns its index. */
    int claimSlot(int write, int kind);

    /**
     * As {@link #claimSlot(int, int)}, for the second cell of an unaligned access if {@code second},
     * and for an access only some steps make (its used flag then constrained by the body) unless
     * {@code always}.
     */
    int claimSlot(int write, int kind, boolean second, boolean always);

    /** Slot {@code k}'s columns. */
    Slot slot(int k);

    /** Records that the body splits slot {@code k}'s value into bytes (see {@code StepPools#slot}). */
    void splitsSlot(int k);

    /** The slot {@code w} was read through (a pop or a get), or -1. */
    int slotOf(SymbolicWord<W> w);

    /** The step's program counter, as the execution table holds it. */
    Expr programCounter();

    /** Bytes per word of the machine's layout. */
    int wordSize();

    /** Takes the step's next trace record into slot {@code s}; returns its value's limbs. */
    long[] takeRecordInto(ExecRow<?> row, Slot s);
}
