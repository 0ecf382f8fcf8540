package dev.zkjvm.circuit.eval;

import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.field.Goldilocks;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles expressions into a flat {@link Program}: a sequence of element-wise instructions over
 * block-sized vectors. Typing keeps base-field values in one vector and extension values in two;
 * constants fold, identical subexpressions (also across constraints) are computed once, cells and
 * constants are read in place, and scratch slots are reused once their value is dead, so the working
 * set stays small.
 */
public final class ProgramCompiler {
    /** A compiled value: one operand for a base value, two for an extension value. */
    private record Val(int c0, int c1) {
        boolean isExt() {
            return c1 != Operand.NONE;
        }
    }

    private final List<int[]> instructions = new ArrayList<>();
    private final Map<Expr, Val> memo = new HashMap<>();
    private final Map<List<Integer>, int[]> instructionCse = new HashMap<>();
    private final Map<Long, Integer> constantIndex = new HashMap<>();
    private final List<Long> constants = new ArrayList<>();
    /** For slots computed by NEG: the negated operand (so that a + -b becomes a - b). */
    private final Map<Integer, Integer> negationOf = new HashMap<>();
    private int vregs;
    private boolean readsNext;

    private ProgramCompiler() {
    }

    /**
     * Compiles constraints into a program that reports, for each constraint, the rows on which it
     * does not vanish.
     */
    public static Program compileChecks(List<Constraint> constraints) {
        ProgramCompiler c = new ProgramCompiler();
        for (Constraint k : constraints) {
            c.zeroTest(k.expr(), k.index());
        }
        return c.finish(new int[0]);
    }

    // ---------------------------------------------------------------- zero tests

    /** Strips what does not change whether a value is zero: negation and powers. */
    private static Expr stripZeroPreserving(Expr e) {
        while (true) {
            if (e instanceof Expr.Neg n) {
                e = n.a();
            } else if (e instanceof Expr.Pow p) {
                e = p.base();
            } else {
                return e;
            }
        }
    }

    private static void factors(Expr e, List<Expr> out) {
        Expr s = stripZeroPreserving(e);
        if (s instanceof Expr.Mul m) {
            factors(m.a(), out);
            factors(m.b(), out);
        } else {
            out.add(s);
        }
    }

    /**
     * Emits the cheapest test of "e is zero" for constraint {@code index}: a product is zero when a
     * factor is (both fields have no zero divisors), so no multiplication is needed at the root; a
     * difference is zero when both sides are equal (elements are canonical); negations and powers
     * are dropped.
     */
    private void zeroTest(Expr e, int index) {
        Expr root = stripZeroPreserving(e);
        if (root instanceof Expr.Mul) {
            List<Expr> fs = new ArrayList<>();
            factors(root, fs);
            List<Val> vals = new ArrayList<>();
            for (Expr f : fs) {
                Val v = normalize(compile(f));
                if (isConstVal(v)) {
                    if (isConst(v.c0, 0) && (!v.isExt() || isConst(v.c1, 0))) {
                        return; // a zero factor: the constraint always holds
                    }
                    continue; // a non-zero constant factor does not matter
                }
                vals.add(v);
            }
            if (vals.isEmpty()) {
                emitGenericCheck(new Val(constant(1), Operand.NONE), index); // non-zero constant: always fails
                return;
            }
            if (vals.size() == 1) {
                // re-dispatch on the single remaining factor (it may be a difference)
                for (Expr f : fs) {
                    Val v = normalize(compile(f));
                    if (!isConstVal(v)) {
                        zeroTest(f, index);
                        return;
                    }
                }
            }
            boolean anyExt = vals.stream().anyMatch(Val::isExt);
            int lanes = anyExt ? 2 : 4;
            while (vals.size() > lanes) {
                Val last = vals.remove(vals.size() - 1);
                Val prev = vals.remove(vals.size() - 1);
                vals.add(normalize(vmul(prev, last)));
            }
            if (!anyExt) {
                int one = constant(1);
                int[] ops = {one, one, one, one};
                for (int i = 0; i < vals.size(); i++) {
                    ops[i] = vals.get(i).c0;
                }
                emit(Op.CHECK_NZ, index, Operand.NONE, ops[0], ops[1], ops[2], ops[3]);
            } else {
                Val a = vals.get(0);
                Val b = vals.get(1);
                int zero = constant(0);
                emit(Op.CHECK_NZ2, index, Operand.NONE, a.c0, a.isExt() ? a.c1 : zero, b.c0, b.isExt() ? b.c1 : zero);
            }
            return;
        }
        if (root instanceof Expr.Sub s) {
            Val a = normalize(compile(s.a()));
            Val b = normalize(compile(s.b()));
            if (a.equals(b)) {
                return; // identical operands: always equal
            }
            if (isConstVal(a) && isConstVal(b)) {
                emitGenericCheck(normalize(vsub(a, b)), index);
            } else if (!a.isExt() && !b.isExt()) {
                emit(Op.CHECK_EQ, index, Operand.NONE, a.c0, Operand.NONE, b.c0, Operand.NONE);
            } else {
                int zero = constant(0);
                emit(Op.CHECK_EQ2, index, Operand.NONE, a.c0, a.isExt() ? a.c1 : zero, b.c0, b.isExt() ? b.c1 : zero);
            }
            return;
        }
        emitGenericCheck(normalize(compile(root)), index);
    }

    private boolean isConstVal(Val v) {
        return isConst(v.c0) && (!v.isExt() || isConst(v.c1));
    }

    private void emitGenericCheck(Val v, int index) {
        if (v.isExt()) {
            if (!(isConst(v.c0, 0) && isConst(v.c1, 0))) {
                emit(Op.CHECK2, index, Operand.NONE, v.c0, v.c1, Operand.NONE, Operand.NONE);
            }
        } else if (!isConst(v.c0, 0)) {
            emit(Op.CHECK, index, Operand.NONE, v.c0, Operand.NONE, Operand.NONE, Operand.NONE);
        }
    }

    /** Compiles expressions whose values the caller reads after each block ({@link BlockEvaluator#output}). */
    public static Program compileValues(List<Expr> roots) {
        ProgramCompiler c = new ProgramCompiler();
        int[] outputs = new int[2 * roots.size()];
        for (int i = 0; i < roots.size(); i++) {
            Val v = c.normalize(c.compile(roots.get(i)));
            if (roots.get(i).isExtension() && !v.isExt()) {
                v = new Val(v.c0, c.constant(0));
            }
            outputs[2 * i] = v.c0;
            outputs[2 * i + 1] = v.c1;
        }
        return c.finish(outputs);
    }

    // ---------------------------------------------------------------- expression walk

    private Val compile(Expr e) {
        Val cached = memo.get(e);
        if (cached != null) {
            return cached;
        }
        Val v;
        if (e instanceof Expr.Const k) {
            v = new Val(constant(k.value()), Operand.NONE);
        } else if (e instanceof Expr.Cell cell) {
            readsNext |= cell.next();
            v = new Val(Operand.of(cell.next() ? Operand.NEXT : Operand.CUR, cell.column().index()), Operand.NONE);
        } else if (e instanceof Expr.ExtCell cell) {
            readsNext |= cell.next();
            int tag = cell.next() ? Operand.NEXT : Operand.CUR;
            v = new Val(Operand.of(tag, cell.column().c0().index()), Operand.of(tag, cell.column().c1().index()));
        } else if (e instanceof Expr.Chal ch) {
            int i = ch.challenge().index();
            v = new Val(Operand.of(Operand.CHAL, 2 * i), Operand.of(Operand.CHAL, 2 * i + 1));
        } else if (e instanceof Expr.Add a) {
            v = vadd(compile(a.a()), compile(a.b()));
        } else if (e instanceof Expr.Sub s) {
            v = vsub(compile(s.a()), compile(s.b()));
        } else if (e instanceof Expr.Mul m) {
            v = vmul(compile(m.a()), compile(m.b()));
        } else if (e instanceof Expr.Neg n) {
            v = vneg(compile(n.a()));
        } else if (e instanceof Expr.Pow p) {
            v = vpow(compile(p.base()), p.exponent());
        } else {
            throw new IllegalArgumentException("unknown expression " + e);
        }
        v = normalize(v);
        memo.put(e, v);
        return v;
    }

    /** An extension value whose x-coordinate is the constant 0 is a base value. */
    private Val normalize(Val v) {
        return v.isExt() && isConst(v.c1, 0) ? new Val(v.c0, Operand.NONE) : v;
    }

    private Val vadd(Val a, Val b) {
        if (!a.isExt() && !b.isExt()) {
            return new Val(add(a.c0, b.c0), Operand.NONE);
        }
        if (a.isExt() && b.isExt()) {
            return new Val(add(a.c0, b.c0), add(a.c1, b.c1));
        }
        return a.isExt() ? new Val(add(a.c0, b.c0), a.c1) : new Val(add(a.c0, b.c0), b.c1);
    }

    private Val vsub(Val a, Val b) {
        if (!a.isExt() && !b.isExt()) {
            return new Val(sub(a.c0, b.c0), Operand.NONE);
        }
        if (a.isExt() && b.isExt()) {
            return new Val(sub(a.c0, b.c0), sub(a.c1, b.c1));
        }
        return a.isExt() ? new Val(sub(a.c0, b.c0), a.c1) : new Val(sub(a.c0, b.c0), neg(b.c1));
    }

    private Val vmul(Val a, Val b) {
        if (!a.isExt() && !b.isExt()) {
            return new Val(mul(a.c0, b.c0), Operand.NONE);
        }
        if (a.isExt() && b.isExt()) {
            int[] d = emulOrShared(a, b);
            return new Val(d[0], d[1]);
        }
        Val e = a.isExt() ? a : b;
        Val s = a.isExt() ? b : a;
        return new Val(mul(e.c0, s.c0), mul(e.c1, s.c0));
    }

    private Val vneg(Val a) {
        return a.isExt() ? new Val(neg(a.c0), neg(a.c1)) : new Val(neg(a.c0), Operand.NONE);
    }

    private Val vpow(Val base, int exponent) {
        Val result = null;
        Val square = base;
        int e = exponent;
        while (e != 0) {
            if ((e & 1) != 0) {
                result = result == null ? square : normalize(vmul(result, square));
            }
            e >>>= 1;
            if (e != 0) {
                square = normalize(vmul(square, square));
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- base-level emission with folding

    private int constant(long value) {
        Integer idx = constantIndex.get(value);
        if (idx == null) {
            idx = constants.size();
            constants.add(value);
            constantIndex.put(value, idx);
        }
        return Operand.of(Operand.CONST, idx);
    }

    private boolean isConst(int operand) {
        return operand != Operand.NONE && Operand.tag(operand) == Operand.CONST;
    }

    private boolean isConst(int operand, long value) {
        return isConst(operand) && constants.get(Operand.index(operand)) == value;
    }

    private long constValue(int operand) {
        return constants.get(Operand.index(operand));
    }

    private int add(int a, int b) {
        if (isConst(a) && isConst(b)) {
            return constant(Goldilocks.add(constValue(a), constValue(b)));
        }
        if (isConst(a, 0)) {
            return b;
        }
        if (isConst(b, 0)) {
            return a;
        }
        if (negationOf.containsKey(b)) {
            return sub(a, negationOf.get(b));
        }
        if (negationOf.containsKey(a)) {
            return sub(b, negationOf.get(a));
        }
        return binary(Op.ADD, Math.min(a, b), Math.max(a, b));
    }

    private int sub(int a, int b) {
        if (isConst(a) && isConst(b)) {
            return constant(Goldilocks.sub(constValue(a), constValue(b)));
        }
        if (a == b) {
            return constant(0);
        }
        if (isConst(b, 0)) {
            return a;
        }
        if (isConst(a, 0)) {
            return neg(b);
        }
        if (negationOf.containsKey(b)) {
            return add(a, negationOf.get(b));
        }
        return binary(Op.SUB, a, b);
    }

    private int mul(int a, int b) {
        if (isConst(a) && isConst(b)) {
            return constant(Goldilocks.mul(constValue(a), constValue(b)));
        }
        if (isConst(a, 0) || isConst(b, 0)) {
            return constant(0);
        }
        if (isConst(a, 1)) {
            return b;
        }
        if (isConst(b, 1)) {
            return a;
        }
        if (isConst(a, Goldilocks.P - 1)) {
            return neg(b);
        }
        if (isConst(b, Goldilocks.P - 1)) {
            return neg(a);
        }
        return binary(Op.MUL, Math.min(a, b), Math.max(a, b));
    }

    private int neg(int a) {
        if (isConst(a)) {
            return constant(Goldilocks.neg(constValue(a)));
        }
        if (negationOf.containsKey(a)) {
            return negationOf.get(a);
        }
        int d = binary(Op.NEG, a, Operand.NONE);
        negationOf.put(d, a);
        return d;
    }

    private int binary(int op, int a, int b) {
        List<Integer> key = List.of(op, a, b);
        int[] shared = instructionCse.get(key);
        if (shared != null) {
            return shared[0];
        }
        int d = Operand.of(Operand.SLOT, vregs++);
        emit(op, d, Operand.NONE, a, Operand.NONE, b, Operand.NONE);
        instructionCse.put(key, new int[] {d});
        return d;
    }

    private int[] emulOrShared(Val a, Val b) {
        Val x = a;
        Val y = b;
        if (Long.compare(((long) a.c0 << 32) | (a.c1 & 0xFFFFFFFFL), ((long) b.c0 << 32) | (b.c1 & 0xFFFFFFFFL)) > 0) {
            x = b;
            y = a;
        }
        List<Integer> key = List.of(Op.EMUL, x.c0, x.c1, y.c0, y.c1);
        int[] shared = instructionCse.get(key);
        if (shared != null) {
            return shared;
        }
        int d0 = Operand.of(Operand.SLOT, vregs++);
        int d1 = Operand.of(Operand.SLOT, vregs++);
        emit(Op.EMUL, d0, d1, x.c0, x.c1, y.c0, y.c1);
        int[] d = {d0, d1};
        instructionCse.put(key, d);
        return d;
    }

    private void emit(int op, int d0, int d1, int a0, int a1, int b0, int b1) {
        instructions.add(new int[] {op, d0, d1, a0, a1, b0, b1});
    }

    // ---------------------------------------------------------------- register allocation

    private static boolean isSlot(int operand) {
        return operand != Operand.NONE && Operand.tag(operand) == Operand.SLOT;
    }

    /** Drops instructions whose results are never read (e.g. a NEG folded into a SUB). */
    private void removeDeadCode(int[] outputs) {
        boolean changed = true;
        while (changed) {
            changed = false;
            java.util.Set<Integer> used = new java.util.HashSet<>();
            for (int[] ins : instructions) {
                for (int k = 3; k < Op.STRIDE; k++) {
                    if (isSlot(ins[k])) {
                        used.add(ins[k]);
                    }
                }
            }
            for (int o : outputs) {
                used.add(o);
            }
            for (java.util.Iterator<int[]> it = instructions.iterator(); it.hasNext();) {
                int[] ins = it.next();
                if (!Op.isCheck(ins[0]) && !used.contains(ins[1]) && (ins[2] == Operand.NONE || !used.contains(ins[2]))) {
                    it.remove();
                    changed = true;
                }
            }
        }
    }

    /**
     * Moves the instructions whose value is the same on every row (they read only challenges,
     * constants and such values, e.g. the powers of a compression challenge β) to the front, and
     * returns their virtual slots. The evaluator runs that prologue once, not once per block row:
     * a 7-column permutation otherwise recomputed β², ..., β⁶ on every row.
     */
    private java.util.Set<Integer> hoistInvariants() {
        java.util.Set<Integer> invariant = new java.util.HashSet<>();
        List<int[]> prologue = new ArrayList<>();
        List<int[]> body = new ArrayList<>();
        for (int[] ins : instructions) {
            boolean inv = !Op.isCheck(ins[0]);
            for (int k = 3; k < Op.STRIDE && inv; k++) {
                int op = ins[k];
                if (op == Operand.NONE) {
                    continue;
                }
                int tag = Operand.tag(op);
                inv = tag == Operand.CONST || tag == Operand.CHAL || (tag == Operand.SLOT && invariant.contains(op));
            }
            if (inv) {
                prologue.add(ins);
                invariant.add(ins[1]);
                if (ins[2] != Operand.NONE) {
                    invariant.add(ins[2]);
                }
            } else {
                body.add(ins);
            }
        }
        instructions.clear();
        instructions.addAll(prologue);
        instructions.addAll(body);
        prologueLength = prologue.size();
        return invariant;
    }

    private int prologueLength;

    private Program finish(int[] outputs) {
        removeDeadCode(outputs);
        java.util.Set<Integer> invariant = hoistInvariants();
        int n = instructions.size();
        int[] lastUse = new int[vregs];
        Arrays.fill(lastUse, -1);
        for (int i = 0; i < n; i++) {
            int[] ins = instructions.get(i);
            for (int k = 3; k < Op.STRIDE; k++) {
                if (isSlot(ins[k])) {
                    lastUse[Operand.index(ins[k])] = i;
                }
            }
        }
        for (int o : outputs) {
            if (isSlot(o)) {
                lastUse[Operand.index(o)] = Integer.MAX_VALUE;
            }
        }
        // Values computed once by the prologue must keep their slots for the whole program.
        for (int v : invariant) {
            lastUse[Operand.index(v)] = Integer.MAX_VALUE;
        }
        int[] physical = new int[vregs];
        Arrays.fill(physical, -1);
        ArrayDeque<Integer> free = new ArrayDeque<>();
        int slots = 0;
        int[] code = new int[n * Op.STRIDE];
        for (int i = 0; i < n; i++) {
            int[] ins = instructions.get(i).clone();
            // rewrite reads, then release values read for the last time (element-wise ops may
            // write their result over an operand they have just read)
            for (int k = 3; k < Op.STRIDE; k++) {
                if (isSlot(ins[k])) {
                    int vr = Operand.index(ins[k]);
                    ins[k] = Operand.of(Operand.SLOT, physical[vr]);
                }
            }
            int[] orig = instructions.get(i);
            for (int k = 3; k < Op.STRIDE; k++) {
                if (isSlot(orig[k])) {
                    int vr = Operand.index(orig[k]);
                    if (lastUse[vr] == i && physical[vr] >= 0) {
                        free.push(physical[vr]);
                        physical[vr] = -2; // released
                    }
                }
            }
            if (!Op.isCheck(ins[0])) {
                for (int k = 1; k <= 2; k++) {
                    if (isSlot(orig[k])) {
                        int vr = Operand.index(orig[k]);
                        int p = free.isEmpty() ? slots++ : free.pop();
                        physical[vr] = p;
                        ins[k] = Operand.of(Operand.SLOT, p);
                    }
                }
                for (int k = 1; k <= 2; k++) {
                    if (isSlot(orig[k]) && lastUse[Operand.index(orig[k])] == -1) {
                        int vr = Operand.index(orig[k]);
                        free.push(physical[vr]);
                        physical[vr] = -2;
                    }
                }
            }
            System.arraycopy(ins, 0, code, i * Op.STRIDE, Op.STRIDE);
        }
        int[] outs = outputs.clone();
        for (int i = 0; i < outs.length; i++) {
            if (isSlot(outs[i])) {
                outs[i] = Operand.of(Operand.SLOT, physical[Operand.index(outs[i])]);
            }
        }
        long[] consts = new long[constants.size()];
        for (int i = 0; i < consts.length; i++) {
            consts[i] = constants.get(i);
        }
        return new Program(code, slots, consts, outs, readsNext, prologueLength);
    }
}
