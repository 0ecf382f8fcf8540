package dev.zkjvm.circuit.air;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Declares a {@link ConstraintSystem}: columns, constraints, lookups, range checks and permutations. Every name
 * must be unique within its kind (column, constraint, lookup/permutation); mistakes are reported at
 * once with an {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * ConstraintSystemBuilder b = ConstraintSystem.builder("fib");
 * Column x = b.main("x"), y = b.main("y");
 * b.firstRow("x_starts_at_1", x.cur().sub(1));
 * b.transition("x_next", x.next().sub(y.cur()));
 * b.transition("y_next", y.next().sub(x.cur().add(y.cur())));
 * b.rangeCheck16("x_small", x.cur());
 * ConstraintSystem cs = b.build();
 * }</pre>
 */
public final class ConstraintSystemBuilder {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\[\\]#-]*");

    private final String name;
    private final List<Column> columns = new ArrayList<>();
    private final List<ExtColumn> extColumns = new ArrayList<>();
    private final List<Challenge> challenges = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private final List<Lookup> lookups = new ArrayList<>();
    private final List<Permutation> permutations = new ArrayList<>();
    private final List<PublicSend> publicSends = new ArrayList<>();
    private final Map<Column, FixedValues> fixed = new LinkedHashMap<>();
    private final Set<String> columnNames = new HashSet<>();
    private final Set<String> constraintNames = new HashSet<>();
    private final Set<String> argumentNames = new HashSet<>();
    private final Map<Integer, Column> rangeTables = new LinkedHashMap<>();
    private final Map<Integer, List<RangeCheck>> pendingRanges = new LinkedHashMap<>();
    private boolean built;

    ConstraintSystemBuilder(String name) {
        this.name = checkName(name, "system");
    }

    private static String checkName(String n, String what) {
        if (n == null || !NAME.matcher(n).matches()) {
            throw new IllegalArgumentException("bad " + what + " name '" + n + "': use letters, digits, _ . [ ] # -");
        }
        return n;
    }

    private Column addColumn(String columnName, Phase phase) {
        checkOpen();
        checkName(columnName, "column");
        if (!columnNames.add(columnName)) {
            throw new IllegalArgumentException("duplicate column name: " + columnName);
        }
        Column c = new Column(columns.size(), columnName, phase);
        columns.add(c);
        return c;
    }

    private ExtColumn addExtColumn(String columnName) {
        Column c0 = addColumn(columnName + ".0", Phase.AUX);
        Column c1 = addColumn(columnName + ".1", Phase.AUX);
        ExtColumn e = new ExtColumn(columnName, c0, c1);
        extColumns.add(e);
        return e;
    }

    private Challenge addChallenge(String challengeName) {
        checkName(challengeName, "challenge");
        Challenge c = new Challenge(challenges.size(), challengeName);
        challenges.add(c);
        return c;
    }

    private void checkOpen() {
        if (built) {
            throw new IllegalStateException("constraint system " + name + " is already built");
        }
    }

    /** Declares a MAIN (witness) column. */
    public Column main(String columnName) {
        return addColumn(columnName, Phase.MAIN);
    }

    /** Declares a FIXED column whose values come from {@code values} for any row count. */
    public Column fixed(String columnName, FixedValues values) {
        Column c = addColumn(columnName, Phase.FIXED);
        fixed.put(c, values);
        return c;
    }

    /**
     * The FIXED range table column {@code range<bits>} holding 0..2^bits-1 (created on first use,
     * shared by all range checks of that width). The trace must have at least 2^bits rows.
     */
    public Column rangeTable(int bits) {
        if (bits < 1 || bits > 24) {
            throw new IllegalArgumentException("range table width must be 1..24 bits: " + bits);
        }
        return rangeTables.computeIfAbsent(bits, b -> fixed("range" + b, FixedValues.range(1 << b)));
    }

    /** Declares a constraint that must hold on every row (current row only). */
    public Constraint everyRow(String constraintName, Expr e) {
        return addConstraint(constraintName, ConstraintKind.EVERY_ROW, e, null);
    }

    /** Declares a constraint between each row and the next (rows 0..n-2). */
    public Constraint transition(String constraintName, Expr e) {
        return addConstraint(constraintName, ConstraintKind.TRANSITION, e, null);
    }

    /** Declares a boundary constraint on row 0. */
    public Constraint firstRow(String constraintName, Expr e) {
        return addConstraint(constraintName, ConstraintKind.FIRST_ROW, e, null);
    }

    /** Declares a boundary constraint on the last row. */
    public Constraint lastRow(String constraintName, Expr e) {
        return addConstraint(constraintName, ConstraintKind.LAST_ROW, e, null);
    }

    private Constraint addConstraint(String constraintName, ConstraintKind kind, Expr e, String argument) {
        checkOpen();
        checkName(constraintName, "constraint");
        if (!constraintNames.add(constraintName)) {
            throw new IllegalArgumentException("duplicate constraint name: " + constraintName);
        }
        checkOwned(e, constraintName);
        if (kind != ConstraintKind.TRANSITION && e.readsNextRow()) {
            throw new IllegalArgumentException("constraint " + constraintName + " (" + kind.label()
                    + ") reads the next row; only transition constraints may: " + e);
        }
        Constraint c = new Constraint(constraints.size(), constraintName, kind, e, argument);
        constraints.add(c);
        return c;
    }

    private void checkOwned(Expr e, String where) {
        Exprs.visit(e, n -> {
            Column c = null;
            if (n instanceof Expr.Cell cell) {
                c = cell.column();
            } else if (n instanceof Expr.ExtCell cell) {
                c = cell.column().c0();
            } else if (n instanceof Expr.Chal ch) {
                int i = ch.challenge().index();
                if (i >= challenges.size() || !challenges.get(i).equals(ch.challenge())) {
                    throw new IllegalArgumentException(where + " uses a challenge of another system: " + ch);
                }
            }
            if (c != null && (c.index() >= columns.size() || !columns.get(c.index()).equals(c))) {
                throw new IllegalArgumentException(where + " reads a column of another system: " + c);
            }
        });
    }

    private void checkArgumentExpr(Expr e, String where) {
        checkOwned(e, where);
        if (e.readsNextRow()) {
            throw new IllegalArgumentException(where + " must read the current row only: " + e);
        }
        if (e.isExtension()) {
            throw new IllegalArgumentException(where + " must not read challenges or extension columns: " + e);
        }
        Exprs.visit(e, n -> {
            if (n instanceof Expr.Cell c && c.column().phase() == Phase.AUX) {
                throw new IllegalArgumentException(where + " must not read AUX columns: " + e);
            }
        });
    }

    private String claimArgumentName(String argName) {
        checkOpen();
        checkName(argName, "argument");
        if (!argumentNames.add(argName)) {
            throw new IllegalArgumentException("duplicate lookup/permutation name: " + argName);
        }
        return argName;
    }

    /**
     * Declares a lookup of a tuple into a table of the same width.
     *
     * @param lookupName unique name; its constraints are {@code name.first}, {@code name.step},
     *     {@code name.last}, its columns {@code name.m} (MAIN) and {@code name.sum} (AUX, extension)
     * @param selector 0/1 row selector, or {@code null} to look up on every row (padding included)
     * @param inputs looked-up expressions over MAIN/FIXED cells of the current row
     * @param table table expressions over MAIN/FIXED cells of the current row (usually FIXED columns)
     */
    public Lookup lookup(String lookupName, Expr selector, List<Expr> inputs, List<Expr> table) {
        claimArgumentName(lookupName);
        if (inputs.isEmpty() || inputs.size() != table.size()) {
            throw new IllegalArgumentException("lookup " + lookupName + ": inputs and table need the same, non-zero"
                    + " width (" + inputs.size() + " vs " + table.size() + ")");
        }
        if (selector != null) {
            checkArgumentExpr(selector, "lookup " + lookupName + " selector");
        }
        for (Expr e : inputs) {
            checkArgumentExpr(e, "lookup " + lookupName + " input");
        }
        for (Expr e : table) {
            checkArgumentExpr(e, "lookup " + lookupName + " table");
        }
        Column m = main(lookupName + ".m");
        ExtColumn h = addExtColumn(lookupName + ".sum");
        Challenge alpha = addChallenge(lookupName + ".alpha");
        Challenge beta = inputs.size() > 1 ? addChallenge(lookupName + ".beta") : null;
        Lookup shape = new Lookup(lookupName, selector, inputs, table, m, h, alpha, beta, List.of());
        Expr[] ids = Arguments.lookupIdentities(shape);
        List<Constraint> cs = List.of(
                addConstraint(lookupName + ".first", ConstraintKind.FIRST_ROW, ids[0], lookupName),
                addConstraint(lookupName + ".step", ConstraintKind.TRANSITION, ids[1], lookupName),
                addConstraint(lookupName + ".last", ConstraintKind.LAST_ROW, ids[2], lookupName));
        Lookup l = new Lookup(lookupName, selector, inputs, table, m, h, alpha, beta, cs);
        lookups.add(l);
        return l;
    }

    /** Looks up one expression on every row in a single table column. */
    public Lookup lookup(String lookupName, Expr input, Column table) {
        return lookup(lookupName, null, List.of(input), List.of(table.cur()));
    }

    /**
     * Range check: {@code e} lies in [0, 2^bits) on every row where the selector is 1 (every row if
     * {@code selector} is null). All range checks of one width are proven together by one
     * {@link RangeBatch} named {@code range<bits>} (created by {@link #build()}: one multiplicity
     * column, one running sum, one helper column per group of inputs); {@code checkName} names
     * this input in reports.
     */
    public RangeCheck rangeCheck(String checkName, Expr selector, Expr e, int bits) {
        rangeTable(bits);
        if (selector != null) {
            checkArgumentExpr(selector, "range check " + checkName + " selector");
        }
        checkArgumentExpr(e, "range check " + checkName + " input");
        // Both names are checked before either is claimed, so a refused declaration leaves no trace.
        String batch = batchName(bits);
        if (checkName.equals(batch) || !pendingRanges.containsKey(bits) && argumentNames.contains(batch)) {
            throw new IllegalArgumentException("range check " + checkName + ": the name " + batch
                    + " belongs to the batch of all " + bits + "-bit range checks");
        }
        claimArgumentName(checkName);
        RangeCheck rc = new RangeCheck(checkName, selector, e, bits);
        pendingRanges.computeIfAbsent(bits, b -> {
            argumentNames.add(batch);
            return new ArrayList<>();
        }).add(rc);
        return rc;
    }

    /** Range check of {@code e} into [0, 2^bits) on every row. */
    public RangeCheck rangeCheck(String checkName, Expr e, int bits) {
        return rangeCheck(checkName, null, e, bits);
    }

    /** Range check of {@code e} into [0, 2^16) on every row (trace length at least 65536). */
    public RangeCheck rangeCheck16(String checkName, Expr e) {
        return rangeCheck(checkName, null, e, 16);
    }

    /** Range check of {@code e} into [0, 2^16) on the rows where {@code selector} is 1. */
    public RangeCheck rangeCheck16(String checkName, Expr selector, Expr e) {
        return rangeCheck(checkName, selector, e, 16);
    }

    private static String batchName(int bits) {
        return "range" + bits;
    }

    /**
     * Declares the batch of the range checks of one width. Inputs are grouped in declaration order,
     * each group as large as {@code budget} allows for its helper identity: {@code budget} is the
     * largest degree of the system without the batches and of the single-input lookups the range
     * checks would otherwise be, so batching never raises {@link ConstraintSystem#maxDegree()}.
     */
    private RangeBatch declareBatch(int bits, List<RangeCheck> inputs, int budget) {
        String n = batchName(bits);
        Column table = rangeTables.get(bits);
        Column m = main(n + ".m");
        Challenge alpha = addChallenge(n + ".alpha");
        List<List<RangeCheck>> groups = new ArrayList<>();
        List<RangeCheck> current = new ArrayList<>();
        for (RangeCheck rc : inputs) {
            current.add(rc);
            if (current.size() > 1 && Arguments.helperDegree(current) > budget) {
                current.remove(current.size() - 1);
                groups.add(current);
                current = new ArrayList<>(List.of(rc));
            }
        }
        groups.add(current);
        List<ExtColumn> helpers = new ArrayList<>();
        for (int k = 0; k < groups.size(); k++) {
            helpers.add(addExtColumn(n + ".g[" + k + "]"));
        }
        ExtColumn h = addExtColumn(n + ".sum");
        RangeBatch shape = new RangeBatch(n, bits, table, m, groups, helpers, h, alpha, List.of());
        Expr[] ids = Arguments.rangeBatchIdentities(shape);
        List<Constraint> cs = new ArrayList<>();
        for (int k = 0; k < groups.size(); k++) {
            cs.add(addConstraint(n + ".g[" + k + "]", ConstraintKind.EVERY_ROW, ids[k], n));
        }
        cs.add(addConstraint(n + ".first", ConstraintKind.FIRST_ROW, ids[groups.size()], n));
        cs.add(addConstraint(n + ".step", ConstraintKind.TRANSITION, ids[groups.size() + 1], n));
        cs.add(addConstraint(n + ".last", ConstraintKind.LAST_ROW, ids[groups.size() + 2], n));
        return new RangeBatch(n, bits, table, m, groups, helpers, h, alpha, cs);
    }

    /**
     * Declares a multiset equality between two groups of tuples.
     *
     * @param permName unique name; constraints {@code name.first/step/last}, AUX column {@code name.z}
     * @param leftSelector 0/1 selector of the left rows, or {@code null} for all rows
     * @param left left tuple over MAIN/FIXED cells of the current row
     * @param rightSelector 0/1 selector of the right rows, or {@code null} for all rows
     * @param right right tuple, same width
     */
    public Permutation permutation(String permName, Expr leftSelector, List<Expr> left, Expr rightSelector,
            List<Expr> right) {
        claimArgumentName(permName);
        if (left.isEmpty() || left.size() != right.size()) {
            throw new IllegalArgumentException("permutation " + permName + ": both sides need the same, non-zero"
                    + " width (" + left.size() + " vs " + right.size() + ")");
        }
        if (leftSelector != null) {
            checkArgumentExpr(leftSelector, "permutation " + permName + " left selector");
        }
        if (rightSelector != null) {
            checkArgumentExpr(rightSelector, "permutation " + permName + " right selector");
        }
        for (Expr e : left) {
            checkArgumentExpr(e, "permutation " + permName + " left");
        }
        for (Expr e : right) {
            checkArgumentExpr(e, "permutation " + permName + " right");
        }
        ExtColumn z = addExtColumn(permName + ".z");
        Challenge beta = left.size() > 1 ? addChallenge(permName + ".beta") : null;
        Challenge gamma = addChallenge(permName + ".gamma");
        Permutation shape = new Permutation(permName, leftSelector, left, rightSelector, right, z, beta, gamma,
                List.of());
        Expr[] ids = Arguments.permutationIdentities(shape);
        List<Constraint> cs = List.of(
                addConstraint(permName + ".first", ConstraintKind.FIRST_ROW, ids[0], permName),
                addConstraint(permName + ".step", ConstraintKind.TRANSITION, ids[1], permName),
                addConstraint(permName + ".last", ConstraintKind.LAST_ROW, ids[2], permName));
        Permutation p = new Permutation(permName, leftSelector, left, rightSelector, right, z, beta, gamma, cs);
        permutations.add(p);
        return p;
    }

    /**
     * Sends {@code tuple}, {@code multiplicity} times on every row, to the statement on the public
     * bus {@code bus} ({@link PublicSend}).
     *
     * @throws IllegalArgumentException if the name is taken, an expression reads a challenge or an
     *     extension column, or the bus already has other fields
     */
    public PublicSend publicSend(String sendName, String bus, List<String> fields, Expr multiplicity,
            List<Expr> tuple) {
        return publicShare(sendName, bus, fields, multiplicity, tuple, false);
    }

    /**
     * Receives {@code tuple}, {@code multiplicity} times on every row, from the public bus
     * {@code bus} ({@link PublicSend}): what other rows, or the statement, send.
     *
     * @throws IllegalArgumentException as {@link #publicSend}
     */
    public PublicSend publicReceive(String receiveName, String bus, List<String> fields, Expr multiplicity,
            List<Expr> tuple) {
        return publicShare(receiveName, bus, fields, multiplicity, tuple, true);
    }

    private PublicSend publicShare(String sendName, String bus, List<String> fields, Expr multiplicity,
            List<Expr> tuple, boolean receives) {
        checkOpen();
        claimArgumentName(sendName);
        checkName(bus, "bus");
        checkArgumentExpr(multiplicity, "public send " + sendName + " multiplicity");
        for (Expr e : tuple) {
            checkArgumentExpr(e, "public send " + sendName + " tuple");
        }
        PublicSend send = new PublicSend(sendName, bus, fields, multiplicity, tuple, receives);
        for (PublicSend other : publicSends) {
            if (other.bus().equals(bus) && !other.fields().equals(send.fields())) {
                throw new IllegalArgumentException("public send " + sendName + " on bus " + bus + " has fields "
                        + send.fields() + ", " + other.name() + " has " + other.fields());
            }
        }
        publicSends.add(send);
        return send;
    }

    /** Multiset equality over all rows of both sides. */
    public Permutation permutation(String permName, List<Expr> left, List<Expr> right) {
        return permutation(permName, null, left, null, right);
    }

    /** Finishes the declaration. The builder cannot be used afterwards. */
    public ConstraintSystem build() {
        checkOpen();
        int budget = constraints.stream().mapToInt(Constraint::degree).max().orElse(0);
        for (List<RangeCheck> pending : pendingRanges.values()) {
            for (RangeCheck rc : pending) {
                budget = Math.max(budget, Arguments.unbatchedDegree(rc));
            }
        }
        List<RangeBatch> batches = new ArrayList<>();
        for (Map.Entry<Integer, List<RangeCheck>> e : pendingRanges.entrySet()) {
            batches.add(declareBatch(e.getKey(), e.getValue(), budget));
        }
        built = true;
        return new ConstraintSystem(name, columns, extColumns, challenges, constraints, lookups, permutations,
                batches, publicSends, fixed);
    }
}
