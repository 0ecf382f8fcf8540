package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;
import java.math.BigInteger;

/**
 * A word computed while an instruction body runs symbolically: instead of a value it holds the
 * expressions of its 16-bit limbs (least significant first) over the execution table's current
 * row, and the slot where the witness generator keeps its concrete value. Every arithmetic method
 * emits the constraints that tie its result to its inputs.
 *
 * <p>The methods that hand data to Java ({@link #isZero()}, {@link #longValue()} and the like)
 * throw {@link UnconstrainableBodyException}: a body that branches or loops on their answer
 * cannot be turned into constraints.
 *
 * @param <W> the machine's word type
 */
public abstract sealed class SymbolicWord<W extends Word<W>> implements Word<W>
        permits SymbolicWord.Sym32, SymbolicWord.Sym64, SymbolicWord.Sym256 {
    final BodyCompiler<W> owner;
    final Expr[] limbs;
    final int id;

    SymbolicWord(BodyCompiler<W> owner, Expr[] limbs, int id) {
        this.owner = owner;
        this.limbs = limbs;
        this.id = id;
    }

    @SuppressWarnings("unchecked")
    static <W extends Word<W>> W create(BodyCompiler<W> owner, Expr[] limbs, int id) {
        return (W) switch (limbs.length) {
            case 2 -> new Sym32((BodyCompiler) owner, limbs, id);
            case 4 -> new Sym64((BodyCompiler) owner, limbs, id);
            case 16 -> new Sym256((BodyCompiler) owner, limbs, id);
            default -> throw new IllegalArgumentException("no symbolic word of " + limbs.length + " limbs");
        };
    }

    /** This word as the gadgets take it: limbs of degree at most 1 ({@link BodyCompiler#linear}). */
    private SymbolicWord<W> self() {
        return owner.linear(this);
    }

    private UnconstrainableBodyException reveals(String method) {
        return owner.unconstrainable("calls " + method + " on a computed word, which hands its value to Java;"
                + " branching or looping on it cannot be constrained (use Vm.select or Vm.jumpIf)");
    }

    @Override
    public WordType<W> type() {
        return owner.type();
    }

    @Override
    public W add(W other) {
        return owner.gadgets().add(self(), owner.lift(other));
    }

    @Override
    public W sub(W other) {
        return owner.gadgets().sub(self(), owner.lift(other));
    }

    @Override
    public W mul(W other) {
        return owner.gadgets().mul(self(), owner.lift(other));
    }

    @Override
    public W and(W other) {
        return owner.gadgets().bitwise(BitOp.AND, self(), owner.lift(other));
    }

    @Override
    public W or(W other) {
        return owner.gadgets().bitwise(BitOp.OR, self(), owner.lift(other));
    }

    @Override
    public W xor(W other) {
        return owner.gadgets().bitwise(BitOp.XOR, self(), owner.lift(other));
    }

    @Override
    public W not() {
        return owner.gadgets().not(self());
    }

    @Override
    public W shl(int bits) {
        return owner.gadgets().shiftLeft(self(), owner.lift(owner.constant(bits)));
    }

    @Override
    public W shr(int bits) {
        return owner.gadgets().shiftRight(self(), owner.lift(owner.constant(bits)));
    }

    @Override
    public W shl(W bits) {
        return owner.gadgets().shiftLeft(self(), owner.lift(bits));
    }

    @Override
    public W shr(W bits) {
        return owner.gadgets().shiftRight(self(), owner.lift(bits));
    }

    @Override
    public W ltu(W other) {
        return owner.gadgets().lessThan(self(), owner.lift(other), false);
    }

    @Override
    public W lts(W other) {
        return owner.gadgets().lessThan(self(), owner.lift(other), true);
    }

    @Override
    public W eq(W other) {
        return owner.gadgets().equal(self(), owner.lift(other));
    }

    @Override
    public boolean isZero() {
        throw reveals("isZero()");
    }

    @Override
    public long limb(int i) {
        throw reveals("limb(int)");
    }

    @Override
    public long longValue() {
        throw reveals("longValue()");
    }

    @Override
    public byte[] toBytes() {
        throw reveals("toBytes()");
    }

    @Override
    public BigInteger toBigInteger() {
        throw reveals("toBigInteger()");
    }

    @Override
    public int compareTo(W other) {
        throw reveals("compareTo()");
    }

    @Override
    public boolean equals(Object other) {
        throw reveals("equals()");
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "symbolic word #" + id;
    }

    /** The 32-bit symbolic word. */
    static final class Sym32 extends SymbolicWord<dev.zkjvm.runtime.U32> implements dev.zkjvm.runtime.U32 {
        Sym32(BodyCompiler<dev.zkjvm.runtime.U32> owner, Expr[] limbs, int id) {
            super(owner, limbs, id);
        }
    }

    /** The 64-bit symbolic word. */
    static final class Sym64 extends SymbolicWord<dev.zkjvm.runtime.U64> implements dev.zkjvm.runtime.U64 {
        Sym64(BodyCompiler<dev.zkjvm.runtime.U64> owner, Expr[] limbs, int id) {
            super(owner, limbs, id);
        }
    }

    /** The 256-bit symbolic word. */
    static final class Sym256 extends SymbolicWord<dev.zkjvm.runtime.U256> implements dev.zkjvm.runtime.U256 {
        Sym256(BodyCompiler<dev.zkjvm.runtime.U256> owner, Expr[] limbs, int id) {
            super(owner, limbs, id);
        }
    }
}
