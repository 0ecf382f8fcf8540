package dev.zkjvm.circuit.tables.translate;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.ConstraintKind;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.Exprs;
import dev.zkjvm.circuit.air.FixedValues;
import dev.zkjvm.circuit.air.Lookup;
import dev.zkjvm.circuit.air.Permutation;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.air.RangeBatch;
import dev.zkjvm.circuit.air.RangeCheck;
import dev.zkjvm.circuit.tables.Bus;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.TableSystem;
import dev.zkjvm.circuit.tables.TableSystemBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A one-table {@link ConstraintSystem} (with lookups, range checks and permutations) as an
 * equivalent {@link TableSystem}, so that it can be proven with the multi-table STARK: its main
 * table is as tall as the work, and a range table is preprocessed once instead of setting a
 * floor of {@code 2^bits} rows under every trace.
 *
 * <ul>
 *   <li><b>Main table</b>, named as the source system: its MAIN and FIXED columns and its own row
 *       constraints (same names, same kinds), without the arguments' columns: no AUX column, no
 *       range multiplicity, and no range table column unless some expression other than a range
 *       check reads it. A lookup's multiplicity column stays, as a MAIN column: it counts the
 *       lookups of the table tuple on its own row, and that tuple lives in the main table.</li>
 *   <li><b>Range tables</b>: per range width, a preprocessed table {@code range<bits>} of
 *       {@code 2^bits} rows with the FIXED column {@code range<bits>} (0..2^bits-1) and the MAIN
 *       multiplicity column {@code range<bits>.m}, and a bus {@code range<bits>} with the field
 *       {@code value}: the main table sends each range check's input with its selector as
 *       multiplicity (interaction named as the range check), the range table receives its value
 *       {@code m} times (interaction {@code range<bits>}).</li>
 *   <li><b>Permutations</b>: a bus named as the permutation; the main table sends the left tuple
 *       (interaction {@code name.left}, multiplicity its selector) and receives the right one
 *       ({@code name.right}).</li>
 *   <li><b>Lookups</b>: a bus named as the lookup; the main table sends the inputs
 *       ({@code name.input}, multiplicity its selector) and receives the table tuple
 *       ({@code name.table}, multiplicity the column {@code name.m}).</li>
 * </ul>
 *
 * <p>Equivalence: a range batch and a lookup are LogUp sums with the same terms as the buses
 * ({@code Σ s/(α - f) = Σ m/(α - t)}), so they hold exactly when the buses balance. A permutation's
 * grand product counts a row {@code s} times for a selector s of 0 or 1, which is what a selector
 * means (it "should be 0 or 1", {@link Permutation}); the bus counts it {@code s} times for any s.
 *
 * <p>Immutable. {@link #trace} turns a one-table witness's MAIN columns into a {@link SystemTrace}.
 */
public final class TranslatedSystem {
    /** The field of a range bus. */
    public static final String RANGE_FIELD = "value";

    private final ConstraintSystem source;
    private final TableSystem system;
    private final Table main;
    private final ColumnMap columns;
    private final Map<RangeBatch, Table> rangeTables;

    private TranslatedSystem(ConstraintSystem source, TableSystem system, Table main, ColumnMap columns,
            Map<RangeBatch, Table> rangeTables) {
        this.source = source;
        this.system = system;
        this.main = main;
        this.columns = columns;
        this.rangeTables = rangeTables;
    }

    /**
     * Translates {@code source}.
     *
     * @throws IllegalArgumentException if a row constraint of its own reads a challenge, an
     *     extension column or a range multiplicity column (no table of a table system has them), or
     *     if a name it needs is taken (a range width's table named as the system itself)
     */
    public static TranslatedSystem of(ConstraintSystem source) {
        ColumnMap map = mainColumns(source);
        ConstraintSystemBuilder air = ConstraintSystem.builder(source.name());
        for (Column c : source.columns()) {
            Column t = map.get(c);
            if (t != null) {
                Column declared = c.phase() == Phase.FIXED ? air.fixed(c.name(), source.fixedValues(c))
                        : air.main(c.name());
                if (!declared.equals(t)) {
                    throw new IllegalStateException("column " + c + " declared as " + declared + ", mapped to " + t);
                }
            }
        }
        for (Constraint c : source.constraints()) {
            if (!c.isArgument()) {
                declare(air, c.kind(), c.name(), map.rewrite(c.expr(), "constraint " + c.name()));
            }
        }
        TableSystemBuilder b = TableSystem.builder(source.name());
        Table main = b.table(air.build());
        Map<RangeBatch, Table> ranges = new LinkedHashMap<>();
        for (RangeBatch rb : source.rangeBatches()) {
            ranges.put(rb, rangeBus(b, main, rb, map));
        }
        for (Permutation p : source.permutations()) {
            Bus bus = b.bus(p.name(), fields(p.left()));
            b.send(p.name() + ".left", bus, main, map.rewriteSelector(p.leftSelector(), p.name() + " left selector"),
                    rewriteAll(map, p.left(), p.name() + " left"));
            b.receive(p.name() + ".right", bus, main,
                    map.rewriteSelector(p.rightSelector(), p.name() + " right selector"),
                    rewriteAll(map, p.right(), p.name() + " right"));
        }
        for (Lookup l : source.lookups()) {
            Bus bus = b.bus(l.name(), fields(l.inputs()));
            b.send(l.name() + ".input", bus, main, map.rewriteSelector(l.selector(), l.name() + " selector"),
                    rewriteAll(map, l.inputs(), l.name() + " input"));
            b.receive(l.name() + ".table", bus, main, map.get(l.multiplicity()).cur(),
                    rewriteAll(map, l.table(), l.name() + " table"));
        }
        return new TranslatedSystem(source, b.build(), main, map, ranges);
    }

    /**
     * The main table's columns: every MAIN and FIXED column of {@code source} in order, except the
     * range batches' multiplicities and the range table columns that no expression reads (a range
     * check reads its table through its batch's constraints, which the bus replaces).
     */
    private static ColumnMap mainColumns(ConstraintSystem source) {
        Set<Column> dropped = new HashSet<>();
        for (RangeBatch rb : source.rangeBatches()) {
            dropped.add(rb.multiplicity());
            dropped.add(rb.table());
        }
        dropped.removeIf(c -> c.phase() == Phase.FIXED && readByAnExpression(source, c));
        Column[] target = new Column[source.columns().size()];
        int next = 0;
        for (Column c : source.columns()) {
            if (c.phase() != Phase.AUX && !dropped.contains(c)) {
                target[c.index()] = new Column(next++, c.name(), c.phase());
            }
        }
        return new ColumnMap(source.name(), target);
    }

    private static boolean readByAnExpression(ConstraintSystem source, Column c) {
        List<Expr> exprs = new ArrayList<>();
        source.constraints().stream().filter(k -> !k.isArgument()).forEach(k -> exprs.add(k.expr()));
        for (Lookup l : source.lookups()) {
            exprs.addAll(l.inputs());
            exprs.addAll(l.table());
            exprs.add(l.selectorOrOne());
        }
        for (Permutation p : source.permutations()) {
            exprs.addAll(p.left());
            exprs.addAll(p.right());
            exprs.add(p.leftSelector() == null ? Expr.constant(1) : p.leftSelector());
            exprs.add(p.rightSelector() == null ? Expr.constant(1) : p.rightSelector());
        }
        for (RangeCheck rc : source.rangeChecks()) {
            exprs.add(rc.value());
            exprs.add(rc.selectorOrOne());
        }
        return exprs.stream().flatMap(e -> Exprs.cells(e).stream()).anyMatch(cell -> cell.column().equals(c));
    }

    /** The range table of one width, its bus, and one send per range check of that width. */
    private static Table rangeBus(TableSystemBuilder b, Table main, RangeBatch rb, ColumnMap map) {
        ConstraintSystemBuilder air = ConstraintSystem.builder(rb.name());
        Column value = air.fixed(rb.table().name(), FixedValues.range(rb.size()));
        Column count = air.main(rb.multiplicity().name());
        Table table = b.preprocessed(air.build(), rb.size());
        Bus bus = b.bus(rb.name(), RANGE_FIELD);
        for (RangeCheck rc : rb.inputs()) {
            b.send(rc.name(), bus, main, map.rewriteSelector(rc.selector(), "range check " + rc.name() + " selector"),
                    map.rewrite(rc.value(), "range check " + rc.name()));
        }
        b.receive(rb.name(), bus, table, count.cur(), value.cur());
        return table;
    }

    private static void declare(ConstraintSystemBuilder air, ConstraintKind kind, String name, Expr e) {
        switch (kind) {
            case EVERY_ROW -> air.everyRow(name, e);
            case TRANSITION -> air.transition(name, e);
            case FIRST_ROW -> air.firstRow(name, e);
            case LAST_ROW -> air.lastRow(name, e);
            default -> throw new IllegalArgumentException("constraint " + name + ": unknown kind " + kind);
        }
    }

    private static Expr[] rewriteAll(ColumnMap map, List<Expr> exprs, String where) {
        return exprs.stream().map(e -> map.rewrite(e, where)).toArray(Expr[]::new);
    }

    /**
     * A bus's field names: the names of the columns a tuple reads when each of its expressions is
     * a distinct plain cell (so reports say {@code mem.perm(mem.cell=5, ...)}), else {@code x[j]}.
     */
    private static String[] fields(List<Expr> tuple) {
        String[] names = new String[tuple.size()];
        for (int j = 0; j < names.length; j++) {
            names[j] = tuple.get(j) instanceof Expr.Cell c && !c.next() ? c.column().name() : null;
        }
        List<String> given = java.util.Arrays.asList(names);
        if (given.contains(null) || new HashSet<>(given).size() != names.length) {
            for (int j = 0; j < names.length; j++) {
                names[j] = "x[" + j + "]";
            }
        }
        return names;
    }

    /** The one-table system translated. */
    public ConstraintSystem source() {
        return source;
    }

    /** The table system. */
    public TableSystem system() {
        return system;
    }

    /** The main table: the source's own columns and row constraints. */
    public Table mainTable() {
        return main;
    }

    /** The preprocessed range table of {@code bits}-bit range checks. */
    public Table rangeTable(int bits) {
        return rangeTables.entrySet().stream().filter(e -> e.getKey().bits() == bits).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new IllegalArgumentException(source.name() + " has no " + bits
                        + "-bit range checks"));
    }

    /**
     * The main table's column for a column of the source system.
     *
     * @throws IllegalArgumentException if the translation dropped it (an AUX column, a range
     *     multiplicity, a range table column read by range checks only)
     */
    public Column mainColumn(Column sourceColumn) {
        if (sourceColumn.index() >= source.columns().size()
                || !source.columns().get(sourceColumn.index()).equals(sourceColumn)) {
            throw new IllegalArgumentException("not a column of " + source.name() + ": " + sourceColumn);
        }
        Column c = columns.get(sourceColumn);
        if (c == null) {
            throw new IllegalArgumentException("column " + sourceColumn + " of " + source.name()
                    + " belongs to an argument and has no main-table column");
        }
        return c;
    }

    /**
     * The main table's height for {@code rows} rows of work: the smallest power of two that holds
     * them and the main table's FIXED columns (at least 1; no range table floor).
     */
    public int heightFor(int rows) {
        int h = 1;
        while (h < rows || h < main.minHeight()) {
            h <<= 1;
        }
        return h;
    }

    /**
     * The trace of the table system for a one-table witness's MAIN columns.
     *
     * @param sourceColumns indexed like the source's columns ({@code WitnessBuilder.suppliedColumns()}):
     *     every MAIN column of the main table, all of {@code rows} values; a lookup's multiplicity
     *     may be {@code null} (it is counted then), other entries are ignored. The arrays are taken
     *     over, not copied.
     * @param rows the main table's height, a power of two at least {@link Table#minHeight()}
     * @throws IllegalArgumentException if a column is missing, of the wrong length or not canonical
     */
    public SystemTrace trace(long[][] sourceColumns, int rows) {
        return TraceTranslation.trace(this, sourceColumns, rows);
    }

    /** The range tables, by their batch in the source. */
    Map<RangeBatch, Table> rangeTables() {
        return rangeTables;
    }

    /** Where each source column went. */
    ColumnMap columnMap() {
        return columns;
    }
}
