package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.runtime.Word;

/**
 * Word arithmetic as constraints on 16-bit limbs: every method takes symbolic words, emits the
 * constraints of its result through the {@link BodyContext} (multiplied by the instruction's
 * selector), and registers the action that computes the result and the helper cells from the
 * inputs' concrete values. Results are modulo 2^bits like the runtime's words.
 *
 * <p>Soundness notes, per gadget, say why the helper cells cannot be chosen to give another
 * result. All limbs of inputs are in [0, 2^16): slot values are range-checked by the memory log,
 * operands come from the program, and every result below is range-checked or a combination of
 * range-checked cells that stays in range.
 *
 * @param <W> the machine's word type
 */
final class WordGadgets<W extends Word<W>> {
    static final long R = 1L << 16;
    private final BodyContext<W> c;
    private final int n;
    /**
     * The words (by id) whose low limb is constrained to 0 or 1 on the instruction's rows and whose
     * other limbs are the constant 0: the results of {@code eq}, {@code ltu} and {@code lts}.
     */
    private final java.util.Set<Integer> booleans = new java.util.HashSet<>();

    WordGadgets(BodyContext<W> compiler) {
        this.c = compiler;
        this.n = compiler.limbs();
    }

    private static Expr[] cur(Column[] cols) {
        Expr[] out = new Expr[cols.length];
        for (int i = 0; i < cols.length; i++) {
            out[i] = cols[i].cur();
        }
        return out;
    }

    private Column[] range16(int count) {
        Column[] out = new Column[count];
        for (int i = 0; i < count; i++) {
            out[i] = c.range16();
        }
        return out;
    }

    private int id(W w) {
        return ((SymbolicWord<W>) w).id;
    }

    private W zeroExtend(Expr low) {
        Expr[] limbs = new Expr[n];
        limbs[0] = low;
        for (int i = 1; i < n; i++) {
            limbs[i] = Expr.constant(0);
        }
        return c.word(limbs);
    }

    // ---- add, sub, compare ----------------------------------------------------------------

    /**
     * {@code a + b}: per limb {@code a_i + b_i + carry_(i-1) = c_i + 2^16 carry_i}, carries 0/1,
     * {@code c_i} range-checked; the last carry is dropped (mod 2^bits).
     */
    W add(SymbolicWord<W> a, SymbolicWord<W> b) {
        Column[] out = range16(n);
        Column[] carry = new Column[n];
        for (int i = 0; i < n; i++) {
            carry[i] = c.bool("add.carry[" + i + "]");
            Expr in = i == 0 ? Expr.constant(0) : carry[i - 1].cur();
            c.require("add.limb[" + i + "]", a.limbs[i].add(b.limbs[i]).add(in).sub(out[i].cur())
                    .sub(carry[i].cur().mul(R)));
        }
        W r = c.word(cur(out));
        int rid = id(r);
        c.action(row -> {
            long[] x = row.values[a.id];
            long[] y = row.values[b.id];
            long[] z = new long[n];
            long k = 0;
            for (int i = 0; i < n; i++) {
                long s = x[i] + y[i] + k;
                z[i] = s & 0xFFFF;
                k = s >>> 16;
                row.set(out[i], z[i]);
                row.set(carry[i], k);
            }
            row.values[rid] = z;
        });
        return r;
    }

    /**
     * {@code a - b}, with its borrow chain: {@code a_i - b_i - borrow_(i-1) = d_i - 2^16 borrow_i},
     * borrows 0/1, {@code d_i} range-checked. The last borrow is 1 exactly when {@code a < b}
     * unsigned.
     */
    private Column subtract(SymbolicWord<W> a, SymbolicWord<W> b, Column[] out, String what) {
        Column[] borrow = new Column[n];
        for (int i = 0; i < n; i++) {
            borrow[i] = c.bool(what + ".borrow[" + i + "]");
            Expr in = i == 0 ? Expr.constant(0) : borrow[i - 1].cur();
            c.require(what + ".limb[" + i + "]", a.limbs[i].sub(b.limbs[i]).sub(in).sub(out[i].cur())
                    .add(borrow[i].cur().mul(R)));
        }
        c.action(row -> {
            long[] x = row.values[a.id];
            long[] y = row.values[b.id];
            long k = 0;
            for (int i = 0; i < n; i++) {
                long d = x[i] - y[i] - k;
                k = d < 0 ? 1 : 0;
                row.set(out[i], d + (k << 16));
                row.set(borrow[i], k);
            }
        });
        return borrow[n - 1];
    }

    W sub(SymbolicWord<W> a, SymbolicWord<W> b) {
        Column[] out = range16(n);
        subtract(a, b, out, "sub");
        W r = c.word(cur(out));
        int rid = id(r);
        c.action(row -> row.values[rid] = read(row, out));
        return r;
    }

    /**
     * {@code a < b ? 1 : 0}, unsigned or two's-complement signed. Signed compares flip both sign
     * bits first: {@code top' = top + 2^15 - 2^16 s} with {@code s} 0/1 and {@code top'}
     * range-checked, which forces {@code s} to be the sign bit.
     */
    W lessThan(SymbolicWord<W> a, SymbolicWord<W> b, boolean signed) {
        SymbolicWord<W> x = signed ? flipSign(a, "lts.a") : a;
        SymbolicWord<W> y = signed ? flipSign(b, "lts.b") : b;
        Column borrow = subtract(x, y, range16(n), signed ? "lts" : "ltu");
        W r = zeroExtend(borrow.cur());
        int rid = id(r);
        booleans.add(rid);   // the borrow is a bool cell
        c.action(row -> row.values[rid] = zeroExtended(row.get(borrow)));
        return r;
    }

    @SuppressWarnings("unchecked")
    private SymbolicWord<W> flipSign(SymbolicWord<W> a, String what) {
        Column sign = c.bool(what + ".sign");
        Column top = c.range16();
        c.require(what + ".flip", top.cur().sub(a.limbs[n - 1].add(1L << 15).sub(sign.cur().mul(R))));
        Expr[] limbs = a.limbs.clone();
        limbs[n - 1] = top.cur();
        W w = c.word(limbs);
        int wid = id(w);
        c.action(row -> {
            long[] v = row.values[a.id].clone();
            long t = v[n - 1];
            row.set(sign, t >>> 15);
            v[n - 1] = t ^ 0x8000;
            row.set(top, v[n - 1]);
            row.values[wid] = v;
        });
        return (SymbolicWord<W>) w;
    }

    private long[] zeroExtended(long low) {
        long[] v = new long[n];
        v[0] = low;
        return v;
    }

    private static long[] read(ExecRow<?> row, Column[] cols) {
        long[] v = new long[cols.length];
        for (int i = 0; i < cols.length; i++) {
            v[i] = row.get(cols[i]);
        }
        return v;
    }

    // ---- equality, non-zero, select --------------------------------------------------------

    /**
     * A 0/1 column that is 1 exactly when some expression is non-zero: {@code (1 - nz) x_i = 0}
     * for every i, and {@code sum x_i inv_i = nz} with free helper cells {@code inv_i}.
     */
    Column nonZero(Expr[] xs, String what, ValueSource source) {
        Column nz = c.bool(what + ".nz");
        Column[] inv = new Column[xs.length];
        Expr sum = Expr.constant(0);
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] instanceof Expr.Const k && k.value() == 0) {
                continue;   // a constant zero limb (of a comparison's result, say) needs no cell
            }
            inv[i] = c.free();
            c.require(what + ".zero[" + i + "]", Expr.constant(1).sub(nz.cur()).mul(xs[i]));
            sum = sum.add(xs[i].mul(inv[i].cur()));
        }
        c.require(what + ".witness", sum.sub(nz.cur()));
        c.action(row -> {
            long[] v = source.values(row);
            int first = -1;
            for (int i = 0; i < v.length; i++) {
                if (v[i] != 0 && first < 0) {
                    first = i;
                }
            }
            row.set(nz, first >= 0 ? 1 : 0);
            if (first >= 0 && inv[first] != null) {
                row.set(inv[first], Goldilocks.inverse(Goldilocks.fromSigned(v[first])));
            }
        });
        return nz;
    }

    /** Concrete values of the expressions handed to {@link #nonZero}, as small signed integers. */
    @FunctionalInterface
    interface ValueSource {
        long[] values(ExecRow<?> row);
    }

    /** {@code a == b ? 1 : 0}: the non-zero test of the limb differences, inverted. */
    W equal(SymbolicWord<W> a, SymbolicWord<W> b) {
        Expr[] diff = new Expr[n];
        for (int i = 0; i < n; i++) {
            diff[i] = a.limbs[i].sub(b.limbs[i]);
        }
        Column nz = nonZero(diff, "eq", row -> {
            long[] x = row.values[a.id];
            long[] y = row.values[b.id];
            long[] d = new long[n];
            for (int i = 0; i < n; i++) {
                d[i] = x[i] - y[i];
            }
            return d;
        });
        W r = zeroExtend(Expr.constant(1).sub(nz.cur()));
        int rid = id(r);
        booleans.add(rid);   // 1 - nz, nz a bool cell
        c.action(row -> row.values[rid] = zeroExtended(1 - row.get(nz)));
        return r;
    }

    /** A 0/1 expression that is 1 exactly when a word is non-zero, and its value on a step's row. */
    private record Flag(Expr e, java.util.function.ToLongFunction<ExecRow<?>> value) {
    }

    /**
     * Whether {@code w} is non-zero, as a 0/1 expression: the word's own low limb for a comparison's
     * result, else a {@link #nonZero} test. A word whose low limb b is constrained to 0 or 1 and
     * whose other limbs are the constant 0 is non-zero exactly when b is 1, and a test of it could
     * only give b again ({@code (1 - nz) b = 0} and {@code b inv = nz} with nz 0/1 force nz = b): so
     * b is the flag, with no cells and no constraints (the {@code jz} of an {@code eq}).
     */
    private Flag nonZeroFlag(SymbolicWord<W> w, String what) {
        if (booleans.contains(w.id)) {
            return new Flag(w.limbs[0], row -> row.values[w.id][0]);
        }
        Column nz = nonZero(w.limbs, what, row -> row.values[w.id]);
        return new Flag(nz.cur(), row -> row.get(nz));
    }

    /** {@code cond != 0 ? x : y}: {@code out_i = y_i + nz (x_i - y_i)}. */
    W select(SymbolicWord<W> cond, SymbolicWord<W> x, SymbolicWord<W> y) {
        Flag nz = nonZeroFlag(cond, "select");
        Column[] out = new Column[n];
        for (int i = 0; i < n; i++) {
            out[i] = c.free();
            c.require("select.limb[" + i + "]", out[i].cur().sub(y.limbs[i])
                    .sub(nz.e().mul(x.limbs[i].sub(y.limbs[i]))));
        }
        W r = c.word(cur(out));
        int rid = id(r);
        c.action(row -> {
            long[] v = (nz.value().applyAsLong(row) == 1 ? row.values[x.id] : row.values[y.id]).clone();
            for (int i = 0; i < n; i++) {
                row.set(out[i], v[i]);
            }
            row.values[rid] = v;
        });
        return r;
    }

    // ---- multiplication ------------------------------------------------------------------------

    /**
     * Low half of {@code a * b}: per limb k, {@code sum_(i+j=k) a_i b_j + carry_(k-1) = c_k +
     * 2^16 carry_k}, with {@code c_k} range-checked and each carry two range-checked limbs (a carry
     * is below 16 * 2^16, so every equation stays far below p and holds over the integers).
     */
    W mul(SymbolicWord<W> a, SymbolicWord<W> b) {
        Column[] out = range16(n);
        Carries carries = carries(n);
        Expr[] carry = carries.values();
        Column[] carryCols = carries.columns();
        for (int k = 0; k < n; k++) {
            Expr sum = k == 0 ? Expr.constant(0) : carry[k - 1];
            for (int i = 0; i <= k; i++) {
                sum = sum.add(a.limbs[i].mul(b.limbs[k - i]));
            }
            c.require("mul.limb[" + k + "]", sum.sub(out[k].cur()).sub(carry[k].mul(R)));
        }
        W r = c.word(cur(out));
        int rid = id(r);
        c.action(row -> {
            long[] x = row.values[a.id];
            long[] y = row.values[b.id];
            long[] z = new long[n];
            long k = 0;
            for (int j = 0; j < n; j++) {
                long s = k;
                for (int i = 0; i <= j; i++) {
                    s += x[i] * y[j - i];
                }
                z[j] = s & 0xFFFF;
                k = s >>> 16;
                row.set(out[j], z[j]);
                row.set(carryCols[2 * j], k & 0xFFFF);
                row.set(carryCols[2 * j + 1], k >>> 16);
            }
            row.values[rid] = z;
        });
        return r;
    }

    /** Carries as expressions and the two range-checked limb columns of each. */
    private record Carries(Expr[] values, Column[] columns) {
    }

    /** {@code count} carries of two range-checked limbs each. */
    private Carries carries(int count) {
        Column[] cols = range16(2 * count);
        Expr[] out = new Expr[count];
        for (int k = 0; k < count; k++) {
            out[k] = cols[2 * k].cur().add(cols[2 * k + 1].cur().mul(R));
        }
        return new Carries(out, cols);
    }

    // ---- bitwise ---------------------------------------------------------------------------------

    /**
     * Bitwise AND, OR, XOR byte by byte through the byte table {@code (x, y, x & y)}: the lookup
     * makes each byte a byte and fixes {@code z}; then {@code x | y = x + y - z} and
     * {@code x ^ y = x + y - 2z}.
     */
    W bitwise(BitOp op, SymbolicWord<W> a, SymbolicWord<W> b) {
        Column[][] bytes = new Column[2 * n][];
        Expr[] limbs = new Expr[n];
        String what = op.name().toLowerCase();
        for (int i = 0; i < n; i++) {
            Column[] lo = c.bytes();
            Column[] hi = c.bytes();
            bytes[2 * i] = lo;
            bytes[2 * i + 1] = hi;
            c.require(what + ".a[" + i + "]", a.limbs[i].sub(hi[0].cur().mul(256).add(lo[0].cur())));
            c.require(what + ".b[" + i + "]", b.limbs[i].sub(hi[1].cur().mul(256).add(lo[1].cur())));
            limbs[i] = combine(op, hi).mul(256).add(combine(op, lo));
        }
        W r = c.word(limbs);
        int rid = id(r);
        c.action(row -> {
            long[] x = row.values[a.id];
            long[] y = row.values[b.id];
            long[] z = new long[n];
            for (int i = 0; i < n; i++) {
                for (int h = 0; h < 2; h++) {
                    long xb = (x[i] >>> (8 * h)) & 0xFF;
                    long yb = (y[i] >>> (8 * h)) & 0xFF;
                    Column[] t = bytes[2 * i + h];
                    row.set(t[0], xb);
                    row.set(t[1], yb);
                    row.set(t[2], xb & yb);
                }
                z[i] = op.apply(x[i], y[i]);
            }
            row.values[rid] = z;
        });
        return r;
    }

    private static Expr combine(BitOp op, Column[] t) {
        Expr x = t[0].cur();
        Expr y = t[1].cur();
        Expr z = t[2].cur();
        return switch (op) {
            case AND -> z;
            case OR -> x.add(y).sub(z);
            case XOR -> x.add(y).sub(z.mul(2));
        };
    }

    /** {@code ~a}: {@code 0xFFFF - a_i} per limb. */
    W not(SymbolicWord<W> a) {
        Expr[] limbs = new Expr[n];
        for (int i = 0; i < n; i++) {
            limbs[i] = Expr.constant(0xFFFF).sub(a.limbs[i]);
        }
        W r = c.word(limbs);
        int rid = id(r);
        c.action(row -> {
            long[] x = row.values[a.id];
            long[] z = new long[n];
            for (int i = 0; i < n; i++) {
                z[i] = 0xFFFF - x[i];
            }
            row.values[rid] = z;
        });
        return r;
    }

    // ---- shifts --------------------------------------------------------------------------------

    /** {@code a << s} for {@code s} the unsigned value of {@code amount}; 0 when s >= bits. */
    W shiftLeft(SymbolicWord<W> a, SymbolicWord<W> amount) {
        Shift s = shiftAmount(amount, "shl");
        @SuppressWarnings("unchecked")
        SymbolicWord<W> shifted = sym(mul(a, sym(s.power)));
        return zeroIfBig(shifted, s.big, "shl");
    }

    /**
     * {@code a >>> s}: the quotient {@code q} and remainder {@code r} of {@code a / 2^s}, with
     * {@code q * 2^s + r = a} checked limb by limb over the full double-width product (its top half
     * must vanish) and {@code r < 2^s} by the borrow of {@code r - 2^s}. Both make {@code q} the only
     * possible quotient. 0 when s >= bits.
     */
    @SuppressWarnings("unchecked")
    W shiftRight(SymbolicWord<W> a, SymbolicWord<W> amount) {
        Shift s = shiftAmount(amount, "shr");
        Column[] q = range16(n);
        Column[] r = range16(n);
        SymbolicWord<W> pw = (SymbolicWord<W>) s.power;
        int width = 2 * n - 1;
        Carries carries = carries(width - 1);
        Expr[] carry = carries.values();
        Column[] carryCols = carries.columns();
        for (int k = 0; k < width; k++) {
            Expr sum = k == 0 ? Expr.constant(0) : carry[k - 1];
            for (int i = Math.max(0, k - n + 1); i <= Math.min(k, n - 1); i++) {
                sum = sum.add(q[i].cur().mul(pw.limbs[k - i]));
            }
            if (k < n) {
                sum = sum.add(r[k].cur()).sub(a.limbs[k]);
            }
            Expr out = k < width - 1 ? carry[k].mul(R) : Expr.constant(0);
            c.require("shr.divide[" + k + "]", sum.sub(out));
        }
        W quotient = c.word(cur(q));
        W remainder = c.word(cur(r));
        int qid = id(quotient);
        int rid = id(remainder);
        c.action(row -> {
            long[] x = row.values[a.id];
            long[] p = row.values[pw.id];
            int shift = 0;
            for (int i = 0; i < n; i++) {
                if (p[i] != 0) {
                    shift = 16 * i + Long.numberOfTrailingZeros(p[i]);
                }
            }
            W value = ExecutionTable.fromLimbs16(c.type(), x);
            long[] qv = ExecutionTable.toLimbs16(c.type(), value.shr(shift));
            long[] rv = ExecutionTable.toLimbs16(c.type(), value.sub(value.shr(shift).shl(shift)));
            for (int i = 0; i < n; i++) {
                row.set(q[i], qv[i]);
                row.set(r[i], rv[i]);
            }
            long k = 0;
            for (int j = 0; j < width; j++) {
                long sum = k;
                for (int i = Math.max(0, j - n + 1); i <= Math.min(j, n - 1); i++) {
                    sum += qv[i] * p[j - i];
                }
                if (j < n) {
                    sum += rv[j] - x[j];
                }
                // sum is a multiple of 2^16 and non-negative in an honest row
                k = sum >> 16;
                if (j < width - 1) {
                    row.set(carryCols[2 * j], Goldilocks.fromSigned(k & 0xFFFF));
                    row.set(carryCols[2 * j + 1], Goldilocks.fromSigned(k >> 16));
                }
            }
            row.values[qid] = qv;
            row.values[rid] = rv;
        });
        Column borrow = subtract((SymbolicWord<W>) remainder, pw, range16(n), "shr.remainder");
        c.require("shr.remainder.below", borrow.cur().sub(1));
        return zeroIfBig((SymbolicWord<W>) quotient, s.big, "shr");
    }

    private record Shift(Object power, Expr big) {
    }

    /**
     * The shift amount split into {@code s} (the low log2(bits) bits, as 0/1 columns) and a flag
     * {@code big} for everything above, and the word {@code 2^s}. A constant amount is folded.
     */
    private Shift shiftAmount(SymbolicWord<W> amount, String what) {
        int bits = 16 * n;
        int sBits = Integer.numberOfTrailingZeros(bits);
        Long constant = constantValue(amount);
        if (constant != null) {
            boolean big = constant < 0 || constant >= bits;
            long[] p = new long[n];
            int s = (int) (constant & (bits - 1));
            p[s / 16] = 1L << (s % 16);
            return new Shift(c.lift(ExecutionTable.fromLimbs16(c.type(), p)), Expr.constant(big ? 1 : 0));
        }
        Column[] bit = new Column[sBits];
        Expr low = Expr.constant(0);
        for (int b = 0; b < sBits; b++) {
            bit[b] = c.bool(what + ".bit[" + b + "]");
            low = low.add(bit[b].cur().mul(1L << b));
        }
        Column high = c.range16();
        c.require(what + ".amount", amount.limbs[0].sub(low).sub(high.cur().mul(1L << sBits)));
        Expr[] rest = new Expr[n];
        rest[0] = high.cur();
        for (int i = 1; i < n; i++) {
            rest[i] = amount.limbs[i];
        }
        Column big = nonZero(rest, what + ".big", row -> {
            long[] v = row.values[amount.id].clone();
            v[0] = v[0] >>> sBits;
            return v;
        });
        // 2^(s mod 16) as a running product over the four low bits
        Expr pow = Expr.constant(1);
        Column[] powCols = new Column[4];
        for (int b = 0; b < 4 && b < sBits; b++) {
            Expr factor = Expr.constant(1).add(bit[b].cur().mul((1L << (1 << b)) - 1));
            Expr next = pow.mul(factor);
            if (b == 0) {
                pow = next;
            } else {
                powCols[b] = c.free();
                c.require(what + ".pow[" + b + "]", powCols[b].cur().sub(next));
                pow = powCols[b].cur();
            }
        }
        // one-hot of the limb index s / 16 over the remaining bits
        Expr[] oneHot = {Expr.constant(1)};
        java.util.List<Column[]> hotCols = new java.util.ArrayList<>();
        for (int b = 4; b < sBits; b++) {
            Expr[] next = new Expr[oneHot.length * 2];
            Column[] cols = new Column[next.length];
            for (int j = 0; j < oneHot.length; j++) {
                Expr off = oneHot[j].mul(Expr.constant(1).sub(bit[b].cur()));
                Expr on = oneHot[j].mul(bit[b].cur());
                cols[j] = c.free();
                cols[j + oneHot.length] = c.free();
                c.require(what + ".limb_index[" + b + "][" + j + "]", cols[j].cur().sub(off));
                c.require(what + ".limb_index[" + b + "][" + (j + oneHot.length) + "]",
                        cols[j + oneHot.length].cur().sub(on));
                next[j] = cols[j].cur();
                next[j + oneHot.length] = cols[j + oneHot.length].cur();
            }
            hotCols.add(cols);
            oneHot = next;
        }
        Column[] power = new Column[n];
        for (int i = 0; i < n; i++) {
            power[i] = c.free();
            c.require(what + ".power[" + i + "]", power[i].cur().sub(oneHot[i].mul(pow)));
        }
        W pw = c.word(cur(power));
        int pid = id(pw);
        c.action(row -> {
            long v = row.values[amount.id][0];
            int s = (int) (v & (bits - 1));
            for (int b = 0; b < sBits; b++) {
                row.set(bit[b], (s >>> b) & 1);
            }
            row.set(high, v >>> sBits);
            long p = 1;
            for (int b = 0; b < 4 && b < sBits; b++) {
                p *= ((s >>> b) & 1) == 1 ? (1L << (1 << b)) : 1;
                if (b > 0) {
                    row.set(powCols[b], p);
                }
            }
            int index = s >>> 4;
            for (int level = 0; level < hotCols.size(); level++) {
                Column[] cols = hotCols.get(level);
                int prefix = index & ((1 << (level + 1)) - 1);
                for (int j = 0; j < cols.length; j++) {
                    row.set(cols[j], j == prefix ? 1 : 0);
                }
            }
            long[] limbsP = new long[n];
            limbsP[index] = 1L << (s & 15);
            for (int i = 0; i < n; i++) {
                row.set(power[i], limbsP[i]);
            }
            row.values[pid] = limbsP;
        });
        return new Shift(pw, big.cur());
    }

    /** {@code big ? 0 : x}, limb by limb. */
    private W zeroIfBig(SymbolicWord<W> x, Expr big, String what) {
        if (big instanceof Expr.Const k) {
            if (k.value() == 0) {
                return asW(x);
            }
            return asW(c.lift(c.type().zero()));
        }
        Column[] out = new Column[n];
        for (int i = 0; i < n; i++) {
            out[i] = c.free();
            c.require(what + ".result[" + i + "]", out[i].cur().sub(Expr.constant(1).sub(big).mul(x.limbs[i])));
        }
        W r = c.word(cur(out));
        int rid = id(r);
        Column bigCol = bigColumn(big);
        c.action(row -> {
            long[] v = row.get(bigCol) == 1 ? new long[n] : row.values[x.id].clone();
            for (int i = 0; i < n; i++) {
                row.set(out[i], v[i]);
            }
            row.values[rid] = v;
        });
        return r;
    }

    private static Column bigColumn(Expr big) {
        return ((Expr.Cell) big).column();
    }

    @SuppressWarnings("unchecked")
    private W asW(Object w) {
        return (W) w;
    }

    @SuppressWarnings("unchecked")
    private SymbolicWord<W> sym(Object w) {
        return (SymbolicWord<W>) w;
    }

    /** The value of a word whose limbs are all constants, if it fits a long; else null. */
    static Long constantValue(SymbolicWord<?> w) {
        long v = 0;
        for (int i = w.limbs.length - 1; i >= 0; i--) {
            if (!(w.limbs[i] instanceof Expr.Const k)) {
                return null;
            }
            if (i >= 4 && k.value() != 0) {
                return Long.MAX_VALUE;
            }
            if (i < 4) {
                v = (v << 16) | k.value();
            }
        }
        return v;
    }

    // ---- program counter -----------------------------------------------------------------------

    /** The program counter as a word: two range-checked limbs, {@code pc = lo + 2^16 hi}. */
    W pcWord() {
        Column lo = c.range16();
        Column hi = c.range16();
        c.require("pc.limbs", c.programCounter().sub(lo.cur()).sub(hi.cur().mul(R)));
        Expr[] limbs = new Expr[n];
        limbs[0] = lo.cur();
        limbs[1] = hi.cur();
        for (int i = 2; i < n; i++) {
            limbs[i] = Expr.constant(0);
        }
        W r = c.word(limbs);
        int rid = id(r);
        c.action(row -> {
            long[] v = new long[n];
            v[0] = row.pc & 0xFFFF;
            v[1] = row.pc >>> 16;
            row.set(lo, v[0]);
            row.set(hi, v[1]);
            row.values[rid] = v;
        });
        return r;
    }

    /** A jump target as a program counter: limbs above the second must be zero. */
    Expr jumpTarget(SymbolicWord<W> target) {
        for (int i = 2; i < n; i++) {
            c.require("jump.target.high[" + i + "]", target.limbs[i]);
        }
        c.action(row -> row.nextPc = row.values[target.id][0] + (row.values[target.id][1] << 16));
        return target.limbs[0].add(target.limbs[1].mul(R));
    }

    /**
     * {@code cond != 0 ? target : previous}: the next program counter as a helper column
     * {@code np = previous + nz (target - previous)}; when taken, the target's high limbs are zero.
     */
    Expr conditionalJump(SymbolicWord<W> cond, SymbolicWord<W> target, Expr previous) {
        Flag nz = nonZeroFlag(cond, "jump_if");
        for (int i = 2; i < n; i++) {
            c.require("jump_if.target.high[" + i + "]", nz.e().mul(target.limbs[i]));
        }
        Expr t = target.limbs[0].add(target.limbs[1].mul(R));
        Column np = c.free();
        c.require("jump_if.next_pc", np.cur().sub(previous).sub(nz.e().mul(t.sub(previous))));
        c.action(row -> {
            if (nz.value().applyAsLong(row) == 1) {
                row.nextPc = row.values[target.id][0] + (row.values[target.id][1] << 16);
            }
            row.set(np, Goldilocks.fromSigned(row.nextPc));
        });
        return np.cur();
    }
}
