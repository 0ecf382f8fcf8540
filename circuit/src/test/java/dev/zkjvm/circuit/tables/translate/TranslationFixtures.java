package dev.zkjvm.circuit.tables.translate;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.FixedValues;
import dev.zkjvm.circuit.field.Goldilocks;
import java.util.List;

/**
 * Small hand-written one-table systems and honest MAIN columns for them at any power-of-two
 * height, for the translation tests. Each has a range check, so its tallest table (a range table
 * of at least 16 rows) suits FRI whatever the main table's height.
 */
public final class TranslationFixtures {
    private TranslationFixtures() {
    }

    /** A one-table system with a generator of honest MAIN columns (source-indexed). */
    public interface Fixture {
        ConstraintSystem system();

        /** Honest MAIN columns at {@code rows} rows, indexed like the system's columns. */
        long[][] columns(int rows);
    }

    /**
     * Range checks of three widths, with and without selectors, plus a counter with first-row and
     * transition constraints: {@code x} (8 bits, every row), {@code y} (8 bits where {@code s} is 1,
     * 1000 elsewhere), {@code z} (4 bits), {@code w} (16 bits, where {@code s} is 1).
     */
    public static final class Ranges implements Fixture {
        public final ConstraintSystem cs;
        public final Column count;
        public final Column x;
        public final Column s;
        public final Column y;
        public final Column z;
        public final Column w;

        public Ranges() {
            ConstraintSystemBuilder b = ConstraintSystem.builder("ranges");
            count = b.main("count");
            x = b.main("x");
            s = b.main("s");
            y = b.main("y");
            z = b.main("z");
            w = b.main("w");
            b.firstRow("count.first", count.cur());
            b.transition("count.step", count.next().sub(count.cur()).sub(1));
            b.everyRow("s.bool", s.cur().mul(s.cur().sub(1)));
            b.rangeCheck("x.range", x.cur(), 8);
            b.rangeCheck("y.range", s.cur(), y.cur(), 8);
            b.rangeCheck("z.range", z.cur().add(x.cur()).sub(x.cur()), 4);
            b.rangeCheck16("w.range", s.cur(), w.cur());
            cs = b.build();
        }

        @Override
        public ConstraintSystem system() {
            return cs;
        }

        @Override
        public long[][] columns(int rows) {
            long[][] c = new long[cs.columns().size()][];
            c[count.index()] = new long[rows];
            c[x.index()] = new long[rows];
            c[s.index()] = new long[rows];
            c[y.index()] = new long[rows];
            c[z.index()] = new long[rows];
            c[w.index()] = new long[rows];
            for (int i = 0; i < rows; i++) {
                c[count.index()][i] = i;
                c[x.index()][i] = (37L * i) % 256;
                c[s.index()][i] = i % 3 == 0 ? 1 : 0;
                c[y.index()][i] = i % 3 == 0 ? i % 200 : 1000;
                c[z.index()][i] = i % 16;
                c[w.index()][i] = i % 3 == 0 ? (1009L * i) % 65536 : 70000 + i;
            }
            return c;
        }
    }

    /**
     * A permutation with selectors: the tuples {@code (a, a²)} of the even rows equal, as a
     * multiset, the tuples {@code (b, c)} of the first rows where {@code sb} is 1, in reverse.
     */
    public static final class Perm implements Fixture {
        public final ConstraintSystem cs;
        public final Column a;
        public final Column sa;
        public final Column b;
        public final Column c;
        public final Column sb;

        public Perm() {
            ConstraintSystemBuilder k = ConstraintSystem.builder("perm");
            a = k.main("a");
            sa = k.main("sa");
            b = k.main("b");
            c = k.main("c");
            sb = k.main("sb");
            k.everyRow("sa.bool", sa.cur().mul(sa.cur().sub(1)));
            k.everyRow("sb.bool", sb.cur().mul(sb.cur().sub(1)));
            k.permutation("p", sa.cur(), List.of(a.cur(), a.cur().mul(a.cur())), sb.cur(), List.of(b.cur(), c.cur()));
            k.rangeCheck("sb.range", sb.cur(), 4);
            cs = k.build();
        }

        @Override
        public ConstraintSystem system() {
            return cs;
        }

        @Override
        public long[][] columns(int rows) {
            long[][] v = new long[cs.columns().size()][];
            for (Column col : List.of(a, sa, b, c, sb)) {
                v[col.index()] = new long[rows];
            }
            int evens = (rows + 1) / 2;
            for (int i = 0; i < rows; i++) {
                v[a.index()][i] = i;
                v[sa.index()][i] = i % 2 == 0 ? 1 : 0;
                if (i < evens) {
                    long e = 2L * (evens - 1 - i);
                    v[b.index()][i] = e;
                    v[c.index()][i] = e * e;
                    v[sb.index()][i] = 1;
                } else {
                    v[b.index()][i] = 5; // not in the multiset, switched off
                }
            }
            return v;
        }
    }

    /**
     * A lookup of width two with a selector into MAIN table columns of the same rows: where
     * {@code on} is 1, {@code (in, out)} is some row's {@code (key, square)}; {@code in} is a
     * 10-bit value.
     */
    public static final class Squares implements Fixture {
        public final ConstraintSystem cs;
        public final Column key;
        public final Column square;
        public final Column in;
        public final Column out;
        public final Column on;

        public Squares() {
            ConstraintSystemBuilder k = ConstraintSystem.builder("squares");
            key = k.main("key");
            square = k.main("square");
            in = k.main("in");
            out = k.main("out");
            on = k.main("on");
            k.everyRow("square.def", square.cur().sub(key.cur().mul(key.cur())));
            k.lookup("sq", on.cur(), List.of(in.cur(), out.cur()), List.of(key.cur(), square.cur()));
            k.rangeCheck("in.range", in.cur(), 10);
            cs = k.build();
        }

        @Override
        public ConstraintSystem system() {
            return cs;
        }

        @Override
        public long[][] columns(int rows) {
            long[][] v = new long[cs.columns().size()][];
            for (Column col : List.of(key, square, in, out, on)) {
                v[col.index()] = new long[rows];
            }
            for (int i = 0; i < rows; i++) {
                long k = i;
                v[key.index()][i] = k;
                v[square.index()][i] = k * k;
                long x = (7L * i + 3) % rows;
                v[in.index()][i] = x;
                v[on.index()][i] = i % 4 == 3 ? 0 : 1;
                v[out.index()][i] = i % 4 == 3 ? Goldilocks.fromSigned(-1) : x * x;
            }
            return v;
        }
    }

    /**
     * Lookups into FIXED tables, as an execution table's byte operations and instruction fetch:
     * {@code and1} (where {@code on} is 1) and {@code and2} (every row) into one 2-bit AND table
     * {@code (t.x, t.y, t.and)} of 16 rows, and {@code fetch} (every row) into a five-row ROM
     * {@code (rom.pc, rom.op)}; {@code a} is range-checked to 4 bits.
     */
    public static final class FixedTables implements Fixture {
        /** The ROM's operation at each pc. */
        public static final long[] OPS = {7, 9, 7, 5, 1};
        public final ConstraintSystem cs;
        public final Column a;
        public final Column b;
        public final Column c;
        public final Column d;
        public final Column on;
        public final Column pc;
        public final Column op;

        public FixedTables() {
            ConstraintSystemBuilder k = ConstraintSystem.builder("fixed");
            a = k.main("a");
            b = k.main("b");
            c = k.main("c");
            d = k.main("d");
            on = k.main("on");
            pc = k.main("pc");
            op = k.main("op");
            long[] xs = new long[16];
            long[] ys = new long[16];
            long[] ands = new long[16];
            for (int i = 0; i < 16; i++) {
                xs[i] = i >> 2;
                ys[i] = i & 3;
                ands[i] = xs[i] & ys[i];
            }
            List<Expr> and = List.of(k.fixed("t.x", new FixedValues.Values(xs)).cur(),
                    k.fixed("t.y", new FixedValues.Values(ys)).cur(), k.fixed("t.and", new FixedValues.Values(ands)).cur());
            List<Expr> rom = List.of(k.fixed("rom.pc", new FixedValues.Values(new long[] {0, 1, 2, 3, 4})).cur(),
                    k.fixed("rom.op", new FixedValues.Values(OPS)).cur());
            k.lookup("and1", on.cur(), List.of(a.cur(), b.cur(), c.cur()), and);
            k.lookup("and2", null, List.of(b.cur(), a.cur(), d.cur()), and);
            k.lookup("fetch", null, List.of(pc.cur(), op.cur()), rom);
            k.rangeCheck("a.range", a.cur(), 4);
            cs = k.build();
        }

        @Override
        public ConstraintSystem system() {
            return cs;
        }

        @Override
        public long[][] columns(int rows) {
            long[][] v = new long[cs.columns().size()][];
            for (Column col : List.of(a, b, c, d, on, pc, op)) {
                v[col.index()] = new long[rows];
            }
            for (int i = 0; i < rows; i++) {
                long x = i % 4;
                long y = (i / 4) % 4;
                boolean active = i % 3 != 2;
                v[a.index()][i] = x;
                v[b.index()][i] = y;
                v[on.index()][i] = active ? 1 : 0;
                v[c.index()][i] = active ? x & y : 99;
                v[d.index()][i] = x & y;
                v[pc.index()][i] = i % 5;
                v[op.index()][i] = OPS[i % 5];
            }
            return v;
        }
    }
}
