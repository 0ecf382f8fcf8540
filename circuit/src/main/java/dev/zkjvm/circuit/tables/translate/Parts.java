package dev.zkjvm.circuit.tables.translate;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.Exprs;
import dev.zkjvm.circuit.air.Lookup;
import dev.zkjvm.circuit.air.Permutation;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.air.RangeCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The tables a one-table system's own columns are split into: the main table and the tables a
 * partition names. Every MAIN column is in exactly one; a lookup's multiplicity goes with the
 * tuple it counts. Every expression of the source (a row constraint, one side of an argument)
 * belongs to the one table whose MAIN columns it reads, and reads that table's copy of any FIXED
 * column (FIXED columns are regenerated at each table's height).
 */
final class Parts {
    /** The key of the main table. */
    static final String MAIN = "";

    private final ConstraintSystem source;
    private final Map<Column, String> partOfMain;
    private final Map<String, ColumnMap> maps;

    private Parts(ConstraintSystem source, Map<Column, String> partOfMain, Map<String, ColumnMap> maps) {
        this.source = source;
        this.partOfMain = partOfMain;
        this.maps = maps;
    }

    /**
     * @param partition the table of each MAIN column, or null for the main table
     * @param dropped columns no table holds (arguments' own columns, fixed lookups' columns)
     * @param fixedLookups lookups into preprocessed tables: only their inputs are placed
     */
    static Parts of(ConstraintSystem source, Function<Column, String> partition, Set<Column> dropped,
            Set<Lookup> fixedLookups) {
        Map<Column, String> partOf = new LinkedHashMap<>();
        for (Column c : source.columns(Phase.MAIN)) {
            if (!dropped.contains(c)) {
                String p = partition.apply(c);
                partOf.put(c, p == null ? MAIN : p);
            }
        }
        Parts draft = new Parts(source, partOf, Map.of());
        for (Lookup l : source.lookups()) {
            if (!fixedLookups.contains(l) && partOf.containsKey(l.multiplicity())) {
                partOf.put(l.multiplicity(), draft.of(l.table(), "lookup " + l.name() + " table"));
            }
        }
        Set<String> names = new LinkedHashSet<>();
        names.add(MAIN);
        names.addAll(partOf.values());
        // the FIXED columns each table reads: all remaining ones for the main table
        Map<String, Set<Column>> fixed = new LinkedHashMap<>();
        for (String p : names) {
            fixed.put(p, new LinkedHashSet<>());
        }
        for (Column c : source.columns(Phase.FIXED)) {
            if (!dropped.contains(c)) {
                fixed.get(MAIN).add(c);
            }
        }
        for (Map.Entry<String, List<Expr>> e : draft.expressions(fixedLookups).entrySet()) {
            for (Expr x : e.getValue()) {
                for (Expr.Cell cell : Exprs.cells(x)) {
                    if (cell.column().phase() == Phase.FIXED && !dropped.contains(cell.column())) {
                        fixed.get(e.getKey()).add(cell.column());
                    }
                }
            }
        }
        Map<String, ColumnMap> maps = new LinkedHashMap<>();
        for (String p : names) {
            Column[] target = new Column[source.columns().size()];
            int next = 0;
            for (Column c : source.columns()) {
                boolean here = c.phase() == Phase.MAIN ? p.equals(partOf.get(c))
                        : c.phase() == Phase.FIXED && fixed.get(p).contains(c);
                if (here) {
                    target[c.index()] = new Column(next++, c.name(), c.phase());
                }
            }
            maps.put(p, new ColumnMap(p.equals(MAIN) ? source.name() : p, target));
        }
        return new Parts(source, partOf, maps);
    }

    /** Every expression of the source by the table it belongs to (for the FIXED columns each reads). */
    private Map<String, List<Expr>> expressions(Set<Lookup> fixedLookups) {
        Map<String, List<Expr>> out = new LinkedHashMap<>();
        java.util.function.BiConsumer<List<Expr>, String> add = (xs, where) ->
                out.computeIfAbsent(of(xs, where), k -> new ArrayList<>()).addAll(xs);
        for (Constraint c : source.constraints()) {
            if (!c.isArgument()) {
                add.accept(List.of(c.expr()), "constraint " + c.name());
            }
        }
        for (RangeCheck rc : source.rangeChecks()) {
            add.accept(List.of(rc.value(), rc.selectorOrOne()), "range check " + rc.name());
        }
        for (Permutation p : source.permutations()) {
            add.accept(withSelector(p.left(), p.leftSelector()), "permutation " + p.name() + " left");
            add.accept(withSelector(p.right(), p.rightSelector()), "permutation " + p.name() + " right");
        }
        for (Lookup l : source.lookups()) {
            add.accept(withSelector(l.inputs(), l.selector()), "lookup " + l.name() + " inputs");
            if (!fixedLookups.contains(l)) {
                add.accept(l.table(), "lookup " + l.name() + " table");
            }
        }
        return out;
    }

    static List<Expr> withSelector(List<Expr> tuple, Expr selector) {
        List<Expr> out = new ArrayList<>(tuple);
        if (selector != null) {
            out.add(selector);
        }
        return out;
    }

    /**
     * The table whose MAIN columns {@code exprs} read (the main table if none).
     *
     * @throws IllegalArgumentException if they read columns of two tables
     */
    String of(List<Expr> exprs, String where) {
        Set<String> found = new TreeSet<>();
        for (Expr e : exprs) {
            for (Expr.Cell c : Exprs.cells(e)) {
                String p = partOfMain.get(c.column());
                if (p != null) {
                    found.add(p);
                }
            }
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException(source.name() + ": " + where + " reads columns of tables "
                    + found.stream().map(p -> p.equals(MAIN) ? source.name() : p).toList()
                    + "; a row constraint or an argument's side must stay within one table");
        }
        return found.isEmpty() ? MAIN : found.iterator().next();
    }

    /** The tables, the main one first. */
    List<String> names() {
        return List.copyOf(maps.keySet());
    }

    /** Where the source's columns went in table {@code part}. */
    ColumnMap map(String part) {
        return maps.get(part);
    }
}
