package dev.zkjvm.circuit.check;

import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.Exprs;
import dev.zkjvm.circuit.air.ExtColumn;
import dev.zkjvm.circuit.air.Lookup;
import dev.zkjvm.circuit.air.Permutation;
import dev.zkjvm.circuit.air.RangeBatch;
import dev.zkjvm.circuit.air.RangeCheck;
import dev.zkjvm.circuit.eval.ColumnEvaluator;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.witness.ArgumentColumns;
import dev.zkjvm.circuit.witness.RangeBatchColumns;
import dev.zkjvm.circuit.witness.TupleIndex;
import dev.zkjvm.circuit.witness.Witness;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Explains a failed lookup, range batch or permutation in terms of the user's values: the first
 * looked-up tuple missing from the table, every range check (by its caller's name) holding a value
 * outside its range, the first wrong multiplicity, the first unmatched tuple of either side of
 * a permutation, a selector that is not 0/1, or the first row where the AUX column departs from its
 * definition. Runs only for arguments whose constraints failed.
 *
 * <p>Each issue carries the caller's description of its row as the offending side reads it (the
 * looked-up inputs, the table, one side of a permutation, the range-checked value, the AUX
 * column), so that a report can name the record behind that row of that side.
 */
final class ArgumentDiagnostics {
    private static final String LOOKUP = "lookup";
    private static final String PERMUTATION = "permutation";
    private static final String RANGE = "range check";

    private ArgumentDiagnostics() {
    }

    static List<ArgumentIssue> lookup(ConstraintSystem cs, Lookup l, Witness w, RowDescriber d) {
        int n = w.rows();
        long[][] columns = w.columnsUnsafe();
        ArgumentColumns.LookupValues v = ArgumentColumns.lookupValues(l, columns, n);
        List<ArgumentIssue> issues = new ArrayList<>();
        checkSelector(LOOKUP, l.name(), v.selector(), issues, d, List.of(l.selectorOrOne()));
        ArgumentColumns.TableIndex index = ArgumentColumns.tableIndex(cs, l, v.table(), n);
        long[] counts = new long[n];
        int firstMissing = -1;
        int missing = 0;
        for (int r = 0; r < n; r++) {
            long s = v.selector()[r];
            if (s == 0) {
                continue;
            }
            int t = index.find(v.inputs(), r);
            if (t < 0) {
                missing++;
                if (firstMissing < 0) {
                    firstMissing = r;
                }
            } else {
                counts[t] = Goldilocks.add(counts[t], s);
            }
        }
        if (firstMissing >= 0) {
            issues.add(new ArgumentIssue(l.name(), LOOKUP, firstMissing, "value " + ValueFormat.tuple(v.inputs(),
                    firstMissing) + " of " + l.inputs() + " is not in the table " + l.table() + " (" + missing
                    + " row" + (missing == 1 ? "" : "s") + " in all)", context(d, firstMissing, inputSide(l))));
        }
        long[] m = columns[l.multiplicity().index()];
        long[] claimed = new long[n];
        for (int r = 0; r < n; r++) {
            int t = index.find(v.table(), r);
            if (t >= 0) {
                claimed[t] = Goldilocks.add(claimed[t], m[r]);
            }
        }
        for (int t = 0; t < n; t++) {
            if (claimed[t] != counts[t]) {
                issues.add(new ArgumentIssue(l.name(), LOOKUP, t, "multiplicity column " + l.multiplicity()
                        + " gives table value " + ValueFormat.tuple(v.table(), t) + " a total of "
                        + ValueFormat.format(claimed[t]) + ", but it is looked up " + ValueFormat.format(counts[t])
                        + " time(s)", context(d, t, tableSide(l))));
                break;
            }
        }
        if (issues.isEmpty()) {
            long[][] copy = columns.clone();
            ExtColumn h = l.runningSum();
            copy[h.c0().index()] = new long[n];
            copy[h.c1().index()] = new long[n];
            ArgumentColumns.fillRunningSum(l, copy, n, w.challengeValues());
            issues.add(firstDeviation(LOOKUP, l.name(), h, columns, copy, n, d));
        }
        return issues;
    }

    /**
     * A failed range batch: every input that leaves the range (by the caller's name, first row and
     * count), selectors that are not 0/1, then a multiplicity that does not match the inputs, and
     * only if the values are all right, the first row where a helper or the running sum departs
     * from its definition.
     */
    static List<ArgumentIssue> rangeBatch(RangeBatch b, Witness w, RowDescriber d) {
        int n = w.rows();
        long[][] columns = w.columnsUnsafe();
        List<ArgumentIssue> issues = new ArrayList<>();
        for (RangeCheck rc : b.inputs()) {
            long[] s = rc.selector() == null ? null : ArgumentColumns.baseValues(rc.selector(), columns, n);
            long[] f = ArgumentColumns.baseValues(rc.value(), columns, n);
            if (s != null) {
                checkSelector(RANGE, rc.name(), s, issues, d, List.of(rc.selector()));
            }
            int first = -1;
            int outside = 0;
            for (int r = 0; r < n; r++) {
                if ((s == null || s[r] != 0) && Long.compareUnsigned(f[r], b.size()) >= 0) {
                    outside++;
                    first = first < 0 ? r : first;
                }
            }
            if (first >= 0) {
                issues.add(new ArgumentIssue(rc.name(), RANGE, first, "value " + ValueFormat.format(f[first]) + " of "
                        + rc.value() + " is not in [0, 2^" + b.bits() + ") (" + outside + " row"
                        + (outside == 1 ? "" : "s") + " in all; checked by " + b.name() + ")",
                        context(d, first, rangeSide(rc))));
            }
        }
        // Compare per table value: the table repeats its last value, and any split of a value's
        // count over its rows gives the same sum.
        long[] honest = RangeBatchColumns.multiplicities(b, columns, n);
        long[] m = columns[b.multiplicity().index()];
        long[] t = columns[b.table().index()];
        long[] claimed = new long[b.size()];
        for (int r = 0; r < n; r++) {
            int v = (int) t[r];     // a FIXED range column: 0..size-1 on every row
            claimed[v] = Goldilocks.add(claimed[v], m[r]);
        }
        for (int v = 0; v < b.size(); v++) {
            if (claimed[v] != honest[v]) {
                issues.add(new ArgumentIssue(b.name(), RANGE, v, "multiplicity column " + b.multiplicity()
                        + " gives table value " + v + " a total of " + ValueFormat.format(claimed[v])
                        + ", but the range checks look it up " + ValueFormat.format(honest[v]) + " time(s)"));
                break;
            }
        }
        if (issues.isEmpty()) {
            long[][] copy = columns.clone();
            List<ExtColumn> aux = new ArrayList<>(b.helpers());
            aux.add(b.runningSum());
            for (ExtColumn c : aux) {
                copy[c.c0().index()] = new long[n];
                copy[c.c1().index()] = new long[n];
            }
            RangeBatchColumns.fill(b, copy, n, w.challengeValues());
            ArgumentIssue first = null;
            for (ExtColumn c : aux) {
                ArgumentIssue dev = firstDeviation(RANGE, b.name(), c, columns, copy, n, d);
                if (dev.row() >= 0 && (first == null || dev.row() < first.row())) {
                    first = dev;
                }
            }
            issues.add(first != null ? first : firstDeviation(RANGE, b.name(), b.runningSum(), columns, copy, n, d));
        }
        return issues;
    }

    static List<ArgumentIssue> permutation(Permutation p, Witness w, RowDescriber d) {
        int n = w.rows();
        long[][] columns = w.columnsUnsafe();
        int width = p.width();
        List<Expr> exprs = new ArrayList<>();
        exprs.add(p.leftSelector() == null ? Expr.constant(1) : p.leftSelector());
        exprs.add(p.rightSelector() == null ? Expr.constant(1) : p.rightSelector());
        exprs.addAll(p.left());
        exprs.addAll(p.right());
        long[][][] v = ColumnEvaluator.evaluate(exprs, columns, n, new Ext2[0]);
        long[] ls = v[0][0];
        long[] rs = v[1][0];
        long[][] left = new long[width][];
        long[][] right = new long[width][];
        for (int j = 0; j < width; j++) {
            left[j] = v[2 + j][0];
            right[j] = v[2 + width + j][0];
        }
        List<ArgumentIssue> issues = new ArrayList<>();
        checkSelector(PERMUTATION, p.name() + " (left)", ls, issues, d, side(p.leftSelector(), p.left()));
        checkSelector(PERMUTATION, p.name() + " (right)", rs, issues, d, side(p.rightSelector(), p.right()));
        TupleIndex index = new TupleIndex(right, n);
        long[] remaining = new long[n];
        for (int r = 0; r < n; r++) {
            if (rs[r] != 0) {
                remaining[index.find(right, r)]++;
            }
        }
        int firstLeftExtra = -1;
        for (int r = 0; r < n; r++) {
            if (ls[r] == 0) {
                continue;
            }
            int t = index.find(left, r);
            if (t < 0 || remaining[t] == 0) {
                if (firstLeftExtra < 0) {
                    firstLeftExtra = r;
                }
            } else {
                remaining[t]--;
            }
        }
        if (firstLeftExtra >= 0) {
            issues.add(new ArgumentIssue(p.name(), PERMUTATION, firstLeftExtra, "left tuple "
                    + ValueFormat.tuple(left, firstLeftExtra) + " of " + p.left()
                    + " has no remaining match on the right side " + p.right(),
                    context(d, firstLeftExtra, side(p.leftSelector(), p.left()))));
        }
        for (int r = 0; r < n; r++) {
            if (rs[r] != 0 && remaining[index.find(right, r)] > 0) {
                issues.add(new ArgumentIssue(p.name(), PERMUTATION, r, "right tuple " + ValueFormat.tuple(right, r)
                        + " of " + p.right() + " has no remaining match on the left side " + p.left(),
                        context(d, r, side(p.rightSelector(), p.right()))));
                break;
            }
        }
        if (issues.isEmpty()) {
            long[][] copy = columns.clone();
            ExtColumn z = p.product();
            copy[z.c0().index()] = new long[n];
            copy[z.c1().index()] = new long[n];
            ArgumentColumns.fillGrandProduct(p, copy, n, w.challengeValues());
            issues.add(firstDeviation(PERMUTATION, p.name(), z, columns, copy, n, d));
        }
        return issues;
    }

    private static void checkSelector(String kind, String name, long[] sel, List<ArgumentIssue> issues, RowDescriber d,
            List<Expr> side) {
        for (int r = 0; r < sel.length; r++) {
            if (sel[r] != 0 && sel[r] != 1) {
                issues.add(new ArgumentIssue(name, kind, r, "selector is " + ValueFormat.format(sel[r])
                        + ", not 0 or 1", context(d, r, side)));
                return;
            }
        }
    }

    private static ArgumentIssue firstDeviation(String kind, String name, ExtColumn c, long[][] actual,
            long[][] expected, int n, RowDescriber d) {
        int i0 = c.c0().index();
        int i1 = c.c1().index();
        for (int r = 0; r < n; r++) {
            if (actual[i0][r] != expected[i0][r] || actual[i1][r] != expected[i1][r]) {
                return new ArgumentIssue(name, kind, r, "the values agree, but column " + c.name()
                        + " departs from its definition here (expected "
                        + new Ext2(expected[i0][r], expected[i1][r]) + ", found "
                        + new Ext2(actual[i0][r], actual[i1][r]) + ")", context(d, r, List.of(c.c0().cur(), c.c1().cur())));
            }
        }
        return new ArgumentIssue(name, kind, -1, "no offending row found: the challenges may not match the"
                + " committed MAIN columns (was a MAIN cell changed after the witness was built?)");
    }

    /** The caller's description of {@code row} as read by the expressions {@code side}. */
    private static String context(RowDescriber d, int row, List<Expr> side) {
        if (d == null || row < 0) {
            return null;
        }
        Set<Expr.Cell> cells = new LinkedHashSet<>();
        for (Expr e : side) {
            if (e != null) {
                cells.addAll(Exprs.cells(e));
            }
        }
        return d.describe(row, cells);
    }

    private static List<Expr> inputSide(Lookup l) {
        List<Expr> side = new ArrayList<>(l.inputs());
        side.add(l.selectorOrOne());
        return side;
    }

    private static List<Expr> tableSide(Lookup l) {
        List<Expr> side = new ArrayList<>(l.table());
        side.add(l.multiplicity().cur());
        return side;
    }

    private static List<Expr> rangeSide(RangeCheck rc) {
        List<Expr> side = new ArrayList<>();
        side.add(rc.value());
        side.add(rc.selector());
        return side;
    }

    private static List<Expr> side(Expr selector, List<Expr> tuple) {
        List<Expr> side = new ArrayList<>(tuple);
        side.add(selector);
        return side;
    }
}
