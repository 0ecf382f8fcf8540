package dev.zkjvm.circuit.tables;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.Exprs;
import dev.zkjvm.circuit.air.Phase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Declares a {@link TableSystem}. Mistakes (duplicate names, an expression reading another table's
 * column or the next row, a tuple of the wrong width, a table with arguments of its own) are
 * reported at once with an {@link IllegalArgumentException}.
 *
 * <p>A table's AIR may hold MAIN and FIXED columns and row constraints only: lookups, range checks
 * and permutations inside one table draw challenges of their own and are replaced, across tables,
 * by buses.
 */
public final class TableSystemBuilder {
    private final String name;
    private final List<Table> tables = new ArrayList<>();
    private final List<Bus> buses = new ArrayList<>();
    private final List<Interaction> interactions = new ArrayList<>();
    private final Set<String> tableNames = new HashSet<>();
    private final Set<String> busNames = new HashSet<>();
    private final Set<String> interactionNames = new HashSet<>();
    private boolean built;

    TableSystemBuilder(String name) {
        this.name = Names.check(name, "table system");
    }

    /**
     * Adds a table.
     *
     * @param air its columns (MAIN and FIXED) and row constraints; its name is the table's
     */
    public Table table(ConstraintSystem air) {
        return addTable(air, 0);
    }

    /**
     * Adds a preprocessed table: its height is {@code height} in every trace, and its FIXED columns
     * (a range, a byte table, a program) are committed once, in the verifying key, so that a proof
     * pays only for its trace-dependent columns (multiplicities).
     */
    public Table preprocessed(ConstraintSystem air, int height) {
        if (air.columns(Phase.FIXED).isEmpty()) {
            throw new IllegalArgumentException("preprocessed table " + air.name() + " has no FIXED column");
        }
        if (height < 1 || Integer.bitCount(height) != 1 || height > (1 << SystemTraceBuilder.MAX_LOG_HEIGHT)) {
            throw new IllegalArgumentException("preprocessed table " + air.name() + ": height must be a power of two in"
                    + " [1, 2^" + SystemTraceBuilder.MAX_LOG_HEIGHT + "], got " + height);
        }
        Table probe = new Table(0, air, height);
        if (height < probe.minHeight()) {
            throw new IllegalArgumentException("preprocessed table " + air.name() + " needs at least "
                    + probe.minHeight() + " rows for its FIXED columns, got " + height);
        }
        return addTable(air, height);
    }

    private Table addTable(ConstraintSystem air, int fixedHeight) {
        checkOpen();
        if (!tableNames.add(air.name())) {
            throw new IllegalArgumentException("duplicate table name: " + air.name());
        }
        if (!air.columns(Phase.AUX).isEmpty() || !air.challenges().isEmpty()) {
            throw new IllegalArgumentException("table " + air.name() + " has lookups, range checks or permutations of"
                    + " its own (AUX columns " + air.columns(Phase.AUX) + "); in a table system, tables exchange"
                    + " tuples over buses instead");
        }
        if (air.columns(Phase.MAIN).isEmpty() && air.columns(Phase.FIXED).isEmpty()) {
            throw new IllegalArgumentException("table " + air.name() + " has no column");
        }
        Table t = new Table(tables.size(), air, fixedHeight);
        tables.add(t);
        return t;
    }

    /** Declares a bus whose tuples have the given fields. */
    public Bus bus(String busName, String... fields) {
        checkOpen();
        Names.check(busName, "bus");
        for (String f : fields) {
            Names.check(f, "bus field");
        }
        if (new HashSet<>(List.of(fields)).size() != fields.length) {
            throw new IllegalArgumentException("bus " + busName + " repeats a field name: " + List.of(fields));
        }
        if (!busNames.add(busName)) {
            throw new IllegalArgumentException("duplicate bus name: " + busName);
        }
        Bus b = new Bus(buses.size(), busName, List.of(fields));
        buses.add(b);
        return b;
    }

    /** Table {@code table} sends {@code tuple} on {@code bus}, {@code multiplicity} times per row. */
    public Interaction send(String interactionName, Bus bus, Table table, Expr multiplicity, Expr... tuple) {
        return interact(interactionName, bus, table, Direction.SEND, multiplicity, List.of(tuple));
    }

    /** Table {@code table} receives {@code tuple} from {@code bus}, {@code multiplicity} times per row. */
    public Interaction receive(String interactionName, Bus bus, Table table, Expr multiplicity, Expr... tuple) {
        return interact(interactionName, bus, table, Direction.RECEIVE, multiplicity, List.of(tuple));
    }

    /** Declares an interaction in the given direction. */
    public Interaction interact(String interactionName, Bus bus, Table table, Direction direction, Expr multiplicity,
            List<Expr> tuple) {
        checkOpen();
        Names.check(interactionName, "interaction");
        if (bus.index() >= buses.size() || buses.get(bus.index()) != bus) {
            throw new IllegalArgumentException("interaction " + interactionName + ": bus " + bus.name()
                    + " belongs to another system");
        }
        if (table.index() >= tables.size() || tables.get(table.index()) != table) {
            throw new IllegalArgumentException("interaction " + interactionName + ": table " + table.name()
                    + " belongs to another system");
        }
        if (tuple.size() != bus.width()) {
            throw new IllegalArgumentException("interaction " + interactionName + ": bus " + bus.name() + " carries "
                    + bus.width() + " fields " + bus.fields() + ", the tuple has " + tuple.size());
        }
        checkExpr(multiplicity, table, interactionName + " multiplicity");
        for (int i = 0; i < tuple.size(); i++) {
            checkExpr(tuple.get(i), table, interactionName + " field " + bus.fields().get(i));
        }
        if (!interactionNames.add(interactionName)) {
            throw new IllegalArgumentException("duplicate interaction name: " + interactionName);
        }
        Interaction in = new Interaction(interactions.size(), interactionName, bus, table.index(), direction,
                multiplicity, tuple);
        interactions.add(in);
        return in;
    }

    private static void checkExpr(Expr e, Table table, String where) {
        if (e.readsNextRow()) {
            throw new IllegalArgumentException(where + " must read the current row only: " + e);
        }
        if (e.isExtension()) {
            throw new IllegalArgumentException(where + " must not read challenges or extension columns: " + e);
        }
        ConstraintSystem air = table.air();
        Exprs.visit(e, n -> {
            if (n instanceof Expr.Cell c) {
                Column col = c.column();
                if (col.index() >= air.columns().size() || !air.columns().get(col.index()).equals(col)) {
                    throw new IllegalArgumentException(where + " reads column " + col + ", which is not a column of"
                            + " table " + table.name());
                }
            }
        });
    }

    private void checkOpen() {
        if (built) {
            throw new IllegalStateException("table system " + name + " is already built");
        }
    }

    /** Finishes the declaration; the builder cannot be used afterwards. */
    public TableSystem build() {
        checkOpen();
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("table system " + name + " has no table");
        }
        for (Bus b : buses) {
            if (interactions.stream().noneMatch(i -> i.bus() == b)) {
                throw new IllegalArgumentException("bus " + b.name() + " has no interaction");
            }
        }
        built = true;
        return new TableSystem(name, tables, buses, interactions);
    }
}
