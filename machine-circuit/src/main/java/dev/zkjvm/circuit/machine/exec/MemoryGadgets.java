package dev.zkjvm.circuit.machine.exec;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.runtime.Word;

/**
 * {@code Vm.read} and {@code Vm.write} as constraints, aligned and unaligned alike.
 *
 * <p>The byte address is split as {@code address = wordSize * cell + offset} with a one-hot of the
 * offset and a range-checked quotient, so the cell and the offset are unique. The two cells an
 * access may straddle take two slots; the second slot is used exactly when the offset is not zero.
 * Splicing works on bytes: each cell's limbs are split into bytes range-checked to 8 bits, and
 * the word at the offset is {@code sum_k onehot_k * bytes[j + k]} per byte j (big-endian, as in
 * the runtime). An unaligned write first reads both cells (the runtime records those reads), so the
 * bytes it keeps are constrained too.
 *
 * @param <W> the machine's word type
 */
final class MemoryGadgets<W extends Word<W>> {
    private final BodyContext<W> c;
    private final int n;
    private final int ws;

    MemoryGadgets(BodyContext<W> compiler) {
        this.c = compiler;
        this.n = compiler.limbs();
        this.ws = 2 * n;
    }

    /** The split address: offset one-hot, cell expression. */
    private record Address(Column[] oneHot, Expr cell) {
        Expr aligned() {
            return oneHot[0].cur();
        }
    }

    private Address address(SymbolicWord<W> addr, String what) {
        int addressLimbs = c.wordSize() == 4 ? 2 : 3;
        for (int i = addressLimbs; i < n; i++) {
            c.require(what + ".address.high[" + i + "]", addr.limbs[i]);
        }
        Column[] oneHot = new Column[ws];
        Expr sum = Expr.constant(0);
        Expr offset = Expr.constant(0);
        for (int k = 0; k < ws; k++) {
            oneHot[k] = c.bool(what + ".offset[" + k + "]");
            sum = sum.add(oneHot[k].cur());
            offset = offset.add(oneHot[k].cur().mul(k));
        }
        c.require(what + ".offset.one", sum.sub(1));
        Column quotient = c.range16();
        c.require(what + ".address.split", addr.limbs[0].sub(offset).sub(quotient.cur().mul(ws)));
        Expr cell = quotient.cur();
        for (int i = 1; i < addressLimbs; i++) {
            cell = cell.add(addr.limbs[i].mul((1L << (16 * i)) / ws));
        }
        c.action(row -> {
            long[] a = row.values[addr.id];
            int k = (int) (a[0] % ws);
            for (int j = 0; j < ws; j++) {
                row.set(oneHot[j], j == k ? 1 : 0);
            }
            row.set(quotient, a[0] / ws);
        });
        return new Address(oneHot, cell);
    }

    private static int offsetOf(ExecRow<?> row, SymbolicWord<?> addr, int ws) {
        return (int) (row.values[addr.id][0] % ws);
    }

    /**
     * Splits a word's limbs into bytes, big-endian index: {@code bytes[0]} is the top byte. Each byte is
     * range-checked to 8 bits; no AND is needed, so no lookup in the 2^16-row byte table.
     */
    private Expr[] bytes(Expr[] limbs, String what, Column[][] cols) {
        for (int m = 0; m < n; m++) {
            Column[] t = {c.byteCell(), c.byteCell()};
            cols[m] = t;
            c.require(what + ".bytes[" + m + "]", limbs[m].sub(t[0].cur().mul(256).add(t[1].cur())));
        }
        return inOrder(cols);
    }

    /** The (high, low) byte columns of each limb as bytes in big-endian order. */
    private Expr[] inOrder(Column[][] cols) {
        Expr[] out = new Expr[ws];
        for (int m = 0; m < n; m++) {
            out[ws - 2 - 2 * m] = cols[m][0].cur();
            out[ws - 1 - 2 * m] = cols[m][1].cur();
        }
        return out;
    }

    /**
     * The bytes of slot {@code k}'s value: the slot's own byte columns where the table made its
     * value its bytes (the value is then {@code 256 high + low} by its form, so no requirement ties
     * them), else byte cells tied to its limbs. Records that the body splits slot k.
     */
    private Expr[] slotBytes(int k, Slot s, String what, Column[][] cols) {
        c.splitsSlot(k);
        if (s.byteValue()) {
            for (int m = 0; m < n; m++) {
                cols[m] = s.bytes()[m];
            }
            return inOrder(cols);
        }
        return bytes(slotLimbs(s), what, cols);
    }

    /** The bytes of a written value: its slot's where it is a word read through a slot, else new cells. */
    private Expr[] valueBytes(SymbolicWord<W> value, Column[][] cols) {
        int k = c.slotOf(value);
        return k >= 0 ? slotBytes(k, c.slot(k), "write.value", cols) : bytes(value.limbs, "write.value", cols);
    }

    private static void setBytes(ExecRow<?> row, Column[][] cols, long[] limbs) {
        for (int m = 0; m < cols.length; m++) {
            long hi = limbs[m] >>> 8;
            long lo = limbs[m] & 0xFF;
            row.set(cols[m][0], hi);
            row.set(cols[m][1], lo);
        }
    }

    private Expr[] slotLimbs(Slot s) {
        Expr[] out = new Expr[n];
        for (int i = 0; i < n; i++) {
            out[i] = s.value().get(i);
        }
        return out;
    }

    private Expr limbOf(Expr[] bytes, int m, int base) {
        return bytes[base + ws - 2 - 2 * m].mul(256).add(bytes[base + ws - 1 - 2 * m]);
    }

    W read(SymbolicWord<W> addr) {
        Address a = address(addr, "read");
        int k = c.claimSlot(0, ExecutionTable.KIND_MEMORY);
        int k2 = c.claimSlot(0, ExecutionTable.KIND_MEMORY, true, false);
        Slot first = c.slot(k);
        Slot second = c.slot(k2);
        if (!first.usedImplied()) {
            c.require("read.used", first.used().sub(1));
        }
        c.require("read.cell", first.cell().sub(a.cell));
        c.require("read.second.used", second.used().sub(Expr.constant(1).sub(a.aligned())));
        c.require("read.second.cell", second.cell().sub(a.cell).sub(1));
        Column[][] hiCols = new Column[n][];
        Column[][] loCols = new Column[n][];
        Expr[] high = slotBytes(k, first, "read.first", hiCols);
        Expr[] low = slotBytes(k2, second, "read.second", loCols);
        Expr[] concat = new Expr[2 * ws];
        System.arraycopy(high, 0, concat, 0, ws);
        System.arraycopy(low, 0, concat, ws, ws);
        Expr[] word = new Expr[ws];
        for (int j = 0; j < ws; j++) {
            Expr b = Expr.constant(0);
            for (int off = 0; off < ws; off++) {
                b = b.add(a.oneHot[off].cur().mul(concat[j + off]));
            }
            word[j] = b;
        }
        // the value's limbs stay sums of one-hot times byte (degree 2): a push or set of the word
        // states its cells equal to them, and any other use puts them in cells first
        Expr[] limbs = new Expr[n];
        for (int m = 0; m < n; m++) {
            limbs[m] = limbOf(word, m, 0);
        }
        W r = c.deferred(limbs, "read");
        int rid = ((SymbolicWord<W>) r).id;
        c.action(row -> {
            int off = offsetOf(row, addr, ws);
            long[] h = c.takeRecordInto(row, first);
            long[] l = new long[n];
            if (off != 0) {
                l = c.takeRecordInto(row, second);
            } else {
                row.set(second.cellColumn(), row.get(first.cellColumn()) + 1);
            }
            setBytes(row, hiCols, h);
            setBytes(row, loCols, l);
            row.values[rid] = splice(h, l, off);
        });
        return r;
    }

    /** Bytes {@code off .. off + ws - 1} of the two cells, as limbs. */
    private long[] splice(long[] high, long[] low, int off) {
        int[] bytes = new int[2 * ws];
        toBytes(high, bytes, 0);
        toBytes(low, bytes, ws);
        long[] v = new long[n];
        for (int m = 0; m < n; m++) {
            v[m] = (bytes[off + ws - 2 - 2 * m] << 8) | bytes[off + ws - 1 - 2 * m];
        }
        return v;
    }

    private void toBytes(long[] limbs, int[] out, int base) {
        for (int m = 0; m < n; m++) {
            out[base + ws - 2 - 2 * m] = (int) (limbs[m] >>> 8);
            out[base + ws - 1 - 2 * m] = (int) (limbs[m] & 0xFF);
        }
    }

    void write(SymbolicWord<W> addr, SymbolicWord<W> value) {
        Address a = address(addr, "write");
        Expr unaligned = Expr.constant(1).sub(a.aligned());
        int[] k = new int[4];
        k[0] = c.claimSlot(0, ExecutionTable.KIND_MEMORY, false, false);
        k[1] = c.claimSlot(0, ExecutionTable.KIND_MEMORY, true, false);
        k[2] = c.claimSlot(1, ExecutionTable.KIND_MEMORY);
        k[3] = c.claimSlot(1, ExecutionTable.KIND_MEMORY, true, false);
        Slot oldHigh = c.slot(k[0]);
        Slot oldLow = c.slot(k[1]);
        Slot newHigh = c.slot(k[2]);
        Slot newLow = c.slot(k[3]);
        c.require("write.old_first.used", oldHigh.used().sub(unaligned));
        c.require("write.old_second.used", oldLow.used().sub(unaligned));
        if (!newHigh.usedImplied()) {
            c.require("write.first.used", newHigh.used().sub(1));
        }
        c.require("write.second.used", newLow.used().sub(unaligned));
        c.require("write.old_first.cell", oldHigh.cell().sub(a.cell));
        c.require("write.old_second.cell", oldLow.cell().sub(a.cell).sub(1));
        c.require("write.first.cell", newHigh.cell().sub(a.cell));
        c.require("write.second.cell", newLow.cell().sub(a.cell).sub(1));
        Column[][] ohCols = new Column[n][];
        Column[][] olCols = new Column[n][];
        Column[][] vCols = new Column[n][];
        Expr[] oldBytes = new Expr[2 * ws];
        System.arraycopy(slotBytes(k[0], oldHigh, "write.old_first", ohCols), 0, oldBytes, 0, ws);
        System.arraycopy(slotBytes(k[1], oldLow, "write.old_second", olCols), 0, oldBytes, ws, ws);
        Expr[] valueBytes = valueBytes(value, vCols);
        Expr[] fresh = new Expr[2 * ws];
        for (int j = 0; j < 2 * ws; j++) {
            Expr b = Expr.constant(0);
            for (int off = 0; off < ws; off++) {
                Expr src = j >= off && j < off + ws ? valueBytes[j - off] : oldBytes[j];
                b = b.add(a.oneHot[off].cur().mul(src));
            }
            fresh[j] = b;
        }
        for (int m = 0; m < n; m++) {
            c.require("write.first.value[" + m + "]", newHigh.value().get(m).sub(limbOf(fresh, m, 0)));
            c.require("write.second.value[" + m + "]", newLow.value().get(m).sub(limbOf(fresh, m, ws)));
        }
        c.action(row -> {
            int off = offsetOf(row, addr, ws);
            long[] oh = new long[n];
            long[] ol = new long[n];
            if (off != 0) {
                oh = c.takeRecordInto(row, oldHigh);
                ol = c.takeRecordInto(row, oldLow);
            }
            c.takeRecordInto(row, newHigh);
            long cell = row.get(newHigh.cellColumn());
            if (off != 0) {
                c.takeRecordInto(row, newLow);
            } else {
                row.set(oldHigh.cellColumn(), cell);
                row.set(oldLow.cellColumn(), cell + 1);
                row.set(newLow.cellColumn(), cell + 1);
            }
            setBytes(row, ohCols, oh);
            setBytes(row, olCols, ol);
            setBytes(row, vCols, row.values[value.id]);
        });
    }
}
