package dev.zkjvm.circuit.tables.logup;

import dev.zkjvm.circuit.air.Challenge;
import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.ConstraintKind;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.ExtColumn;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.tables.Interaction;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.TableSystem;
import java.util.ArrayList;
import java.util.List;

/**
 * One table's AIR as a prover proves it: the table's own columns and constraints, plus its LogUp
 * columns (AUX, in GF(p²)) and their constraints.
 *
 * <h2>Columns and identities</h2>
 * The table's interactions are grouped in declaration order, each group as large as the degree
 * budget allows. Every group but the last has a helper column {@code g_j}; the last group's terms
 * go straight into the table's one running sum {@code s}, whose step is checked cyclically (the
 * last row's next row is the first):
 * <pre>
 *   g_j · Π_{i∈j} D_i  =  Σ_{i∈j} ±m_i · Π_{k∈j, k≠i} D_k                      every row, j &lt; last
 *   (s' - s - Σ_j g_j + share/n) · Π_{i∈last} D_i  =  Σ_{i∈last} ±m_i · Π_{k≠i} D_k   every row, cyclic
 * </pre>
 * with {@code D_i = α - f_i} ({@link BusChallenges}), + for sends and - for receives, n the
 * table's height. Where no D_i is zero, {@code g_j = Σ_{i∈j} ±m_i/D_i} and each row's step is
 * {@code s' - s = (its fractions) - share/n}; the steps of a cycle sum to zero, so
 * {@code share = Σ_rows Σ_i ±m_i/D_i}, the table's share of all its buses. The verifier checks that
 * the shares of all tables and the public tuples' contribution add up to zero ({@link BusBalance}).
 *
 * <p>Why this shape: the last group's identity has the degree its helper identity would have, so
 * writing it on s saves one GF(p²) column (two base columns) per table with interactions; and a
 * cyclic step needs no boundary constraint, whose quotient by a single row's vanishing polynomial
 * would need one more composition chunk than an every-row identity of the same degree.
 * {@code s} starts at zero in the honest witness, but any start satisfies the identities.
 *
 * <p>The three challenges of these expressions are α (index 0), β (1) and the table's claimed
 * share divided by its height (2): the share is not random but, like a challenge, a GF(p²)
 * constant the verifier knows when it evaluates the constraints (it comes with the proof, bound by
 * the cyclic identity).
 *
 * <p>A table without interactions has no LogUp column and a share of zero.
 */
public final class TableAir {
    /** The prefix of the LogUp columns' and constraints' names. */
    public static final String PREFIX = "logup.";
    /** The smallest degree budget: a group of two interactions of degree-1 tuples. */
    public static final int MIN_BUDGET = 3;

    private final Table table;
    private final List<Interaction> interactions;
    private final List<List<Interaction>> groups;
    private final List<ExtColumn> helpers;
    private final ExtColumn runningSum;
    private final List<Column> columns;
    private final List<Constraint> constraints;
    private final List<Challenge> challenges;

    private TableAir(Table table, List<Interaction> interactions, List<List<Interaction>> groups,
            List<ExtColumn> helpers, ExtColumn runningSum, List<Column> columns, List<Constraint> constraints,
            List<Challenge> challenges) {
        this.table = table;
        this.interactions = List.copyOf(interactions);
        this.groups = groups.stream().map(List::copyOf).toList();
        this.helpers = List.copyOf(helpers);
        this.runningSum = runningSum;
        this.columns = List.copyOf(columns);
        this.constraints = List.copyOf(constraints);
        this.challenges = List.copyOf(challenges);
    }

    /**
     * The AIR of {@code table} in {@code system}, its interactions grouped so that no helper
     * identity exceeds {@code max(budget, table's degree, MIN_BUDGET)}.
     */
    public static TableAir of(TableSystem system, Table table, int budget) {
        List<Interaction> ins = system.interactionsOf(table);
        List<Column> columns = new ArrayList<>(table.columns());
        for (Column c : columns) {
            if (c.name().startsWith(PREFIX)) {
                throw new IllegalArgumentException("table " + table.name() + ": column name " + c.name()
                        + " is reserved for the LogUp columns (prefix " + PREFIX + ")");
            }
        }
        List<Constraint> constraints = new ArrayList<>(table.air().constraints());
        Challenge alpha = new Challenge(0, PREFIX + "alpha");
        Challenge beta = new Challenge(1, PREFIX + "beta");
        Challenge share = new Challenge(2, PREFIX + "share/n");
        List<Challenge> challenges = List.of(alpha, beta, share);
        if (ins.isEmpty()) {
            return new TableAir(table, ins, List.of(), List.of(), null, columns, constraints, challenges);
        }
        int limit = Math.max(MIN_BUDGET, Math.max(budget, table.air().maxDegree()));
        LogupExprs exprs = new LogupExprs(alpha.expr(), beta.expr());
        List<List<Interaction>> groups = new ArrayList<>();
        List<Interaction> current = new ArrayList<>();
        for (Interaction in : ins) {
            current.add(in);
            if (current.size() > 1 && exprs.helperDegree(current) > limit) {
                current.remove(current.size() - 1);
                groups.add(current);
                current = new ArrayList<>(List.of(in));
            }
        }
        groups.add(current);
        int last = groups.size() - 1;
        List<ExtColumn> helpers = new ArrayList<>();
        for (int j = 0; j < last; j++) {
            helpers.add(extColumn(columns, PREFIX + "g[" + j + "]"));
        }
        ExtColumn sum = extColumn(columns, PREFIX + "sum");
        List<Expr> cur = new ArrayList<>();
        for (int j = 0; j < last; j++) {
            constraints.add(new Constraint(constraints.size(), PREFIX + "g[" + j + "]", ConstraintKind.EVERY_ROW,
                    exprs.helperIdentity(groups.get(j), helpers.get(j).cur()), PREFIX + "bus"));
            cur.add(helpers.get(j).cur());
        }
        Expr step = sum.next().sub(sum.cur()).add(share.expr());
        if (!cur.isEmpty()) {
            step = step.sub(Expr.sum(cur));
        }
        constraints.add(new Constraint(constraints.size(), PREFIX + "step", ConstraintKind.EVERY_ROW,
                exprs.helperIdentity(groups.get(last), step), PREFIX + "bus"));
        return new TableAir(table, ins, groups, helpers, sum, columns, constraints, challenges);
    }

    private static ExtColumn extColumn(List<Column> columns, String name) {
        Column c0 = new Column(columns.size(), name + ".0", Phase.AUX);
        columns.add(c0);
        Column c1 = new Column(columns.size(), name + ".1", Phase.AUX);
        columns.add(c1);
        return new ExtColumn(name, c0, c1);
    }

    /** The table. */
    public Table table() {
        return table;
    }

    /** The table's interactions, in declaration order. */
    public List<Interaction> interactions() {
        return interactions;
    }

    /** The groups of interactions: one per helper column, then the last, summed by the running sum itself. */
    public List<List<Interaction>> groups() {
        return groups;
    }

    /** The helper columns, one per group but the last. */
    public List<ExtColumn> helpers() {
        return helpers;
    }

    /** The running sum, or {@code null} for a table without interactions. */
    public ExtColumn runningSum() {
        return runningSum;
    }

    /** Every base column: the table's, then the LogUp columns (two per extension column). */
    public List<Column> columns() {
        return columns;
    }

    /** The table's constraints, then the LogUp constraints; {@code get(i).index() == i}. */
    public List<Constraint> constraints() {
        return constraints;
    }

    /** α, β and the share divided by the height, by index. */
    public List<Challenge> challenges() {
        return challenges;
    }

    /** The largest constraint degree. */
    public int maxDegree() {
        return constraints.stream().mapToInt(Constraint::degree).max().orElse(0);
    }

    /**
     * The challenge values for evaluating {@link #constraints()} on a table of {@code rows} rows: α,
     * β and the claimed share divided by the rows.
     */
    public static dev.zkjvm.circuit.field.Ext2[] challengeValues(BusChallenges c, dev.zkjvm.circuit.field.Ext2 share,
            int rows) {
        long inverse = dev.zkjvm.circuit.field.Goldilocks.inverse(rows);
        return new dev.zkjvm.circuit.field.Ext2[] {c.alpha(), c.beta(),
            new dev.zkjvm.circuit.field.Ext2(dev.zkjvm.circuit.field.Goldilocks.mul(share.c0(), inverse),
                    dev.zkjvm.circuit.field.Goldilocks.mul(share.c1(), inverse))};
    }
}
