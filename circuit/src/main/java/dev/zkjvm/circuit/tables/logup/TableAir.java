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
 * budget allows; group j has a helper column {@code g_j} and the table one running sum {@code s}:
 * <pre>
 *   g_j · Π_{i∈j} D_i  =  Σ_{i∈j} ±m_i · Π_{k∈j, k≠i} D_k     every row   (g_j = Σ ±m_i/D_i)
 *   s = Σ_j g_j                                               first row
 *   s' = s + Σ_j g_j'                                         transition
 *   s = share                                                 last row
 * </pre>
 * with {@code D_i = α - f_i} ({@link BusChallenges}) and + for sends, - for receives. So
 * {@code share = Σ_rows Σ_i ±m_i/D_i}, the table's share of all its buses; the verifier checks that
 * the shares of all tables and the public tuples' contribution add up to zero ({@link BusBalance}).
 *
 * <p>The three challenges of these expressions are α (index 0), β (1) and the table's claimed
 * share (2): the share is not random but, like a challenge, a GF(p²) constant the verifier knows
 * when it evaluates the constraints (it comes with the proof, bound by the last-row identity).
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
        Challenge share = new Challenge(2, PREFIX + "share");
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
        List<ExtColumn> helpers = new ArrayList<>();
        for (int j = 0; j < groups.size(); j++) {
            helpers.add(extColumn(columns, PREFIX + "g[" + j + "]"));
        }
        ExtColumn sum = extColumn(columns, PREFIX + "sum");
        List<Expr> cur = new ArrayList<>();
        List<Expr> next = new ArrayList<>();
        for (int j = 0; j < groups.size(); j++) {
            constraints.add(new Constraint(constraints.size(), PREFIX + "g[" + j + "]", ConstraintKind.EVERY_ROW,
                    exprs.helperIdentity(groups.get(j), helpers.get(j).cur()), PREFIX + "bus"));
            cur.add(helpers.get(j).cur());
            next.add(helpers.get(j).next());
        }
        constraints.add(new Constraint(constraints.size(), PREFIX + "first", ConstraintKind.FIRST_ROW,
                sum.cur().sub(Expr.sum(cur)), PREFIX + "bus"));
        constraints.add(new Constraint(constraints.size(), PREFIX + "step", ConstraintKind.TRANSITION,
                sum.next().sub(sum.cur()).sub(Expr.sum(next)), PREFIX + "bus"));
        constraints.add(new Constraint(constraints.size(), PREFIX + "last", ConstraintKind.LAST_ROW,
                sum.cur().sub(share.expr()), PREFIX + "bus"));
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

    /** The interactions of each helper column. */
    public List<List<Interaction>> groups() {
        return groups;
    }

    /** The helper columns, one per group. */
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

    /** α, β and the share, by index. */
    public List<Challenge> challenges() {
        return challenges;
    }

    /** The largest constraint degree. */
    public int maxDegree() {
        return constraints.stream().mapToInt(Constraint::degree).max().orElse(0);
    }

    /** The challenge values for evaluating {@link #constraints()}: α, β and the claimed share. */
    public static dev.zkjvm.circuit.field.Ext2[] challengeValues(BusChallenges c, dev.zkjvm.circuit.field.Ext2 share) {
        return new dev.zkjvm.circuit.field.Ext2[] {c.alpha(), c.beta(), share};
    }
}
