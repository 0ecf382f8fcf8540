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
import dev.zkjvm.circuit.air.PublicSend;
import dev.zkjvm.circuit.air.RangeBatch;
import dev.zkjvm.circuit.air.RangeCheck;
import dev.zkjvm.circuit.check.StatementTuples;
import dev.zkjvm.circuit.tables.Bus;
import dev.zkjvm.circuit.tables.Direction;
import dev.zkjvm.circuit.tables.PublicTuples;
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
 *       {@code m} times (interaction {@code range<bits>}). In {@link RangeLayout#BYTES}, the
 *       16-bit checks go instead to a 256-row table {@code range16.bytes}, each input as two bytes
 *       (see there).</li>
 *   <li><b>Permutations</b>: a bus named as the permutation; the main table sends the left tuple
 *       (interaction {@code name.left}, multiplicity its selector) and receives the right one
 *       ({@code name.right}).</li>
 *   <li><b>Lookups into fixed tables</b>: a lookup whose table tuple is FIXED columns read on the
 *       current row, with values given explicitly or as a range (the byte tables, a program's ROM),
 *       whose multiplicity column nothing else reads, and whose FIXED columns nothing but such
 *       lookups reads. Lookups into the same columns share a preprocessed table of their own,
 *       named by the columns' common prefix ({@code table.byte}, {@code program}), as tall as the
 *       columns need: those FIXED columns and MAIN multiplicity columns. The lookups without a
 *       selector (or a lookup alone) send their inputs ({@code name.input}) on a bus of the table's
 *       name, received {@code <name>.m} times; when several lookups share the table, each one with
 *       a selector has a bus {@code <name>[<lookup>]} and a column {@code <lookup>.m} of its own.
 *       So the main table no longer inherits the height of a 2^16-row byte table.</li>
 *   <li><b>Other lookups</b>: a bus named as the lookup; the main table sends the inputs
 *       ({@code name.input}, multiplicity its selector) and receives the table tuple
 *       ({@code name.table}, multiplicity the column {@code name.m}).</li>
 *   <li><b>Public sends</b> ({@link PublicSend}): a bus per public bus name, with the send's
 *       fields; the table whose columns a send reads sends its tuple with its multiplicity
 *       (interaction named as the send). The statement's side is {@link #publicTuples}, which the
 *       verifier adds to the buses' balance.</li>
 * </ul>
 *
 * <p>With a partition ({@link #of(ConstraintSystem, java.util.function.Function)}), some of the
 * source's MAIN columns form tables of their own beside the main table, each as tall as its own
 * work; every row constraint and argument side goes to the table whose columns it reads.
 *
 * <p>A fixed table's values at its own height are the source's first rows at any larger height:
 * explicit values and ranges are padded by repeating their last value, so the set of tuples the
 * lookups may hit is the same.
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
    private final List<FixedLookupTable> fixedTables;
    /** The tables the source's own columns are in: the main table, then the partition's, by key. */
    private final Parts parts;
    private final Map<String, Table> partTables;
    private final RangeLayout layout;
    /** The high-byte column of each range check checked as two bytes ({@link RangeLayout#BYTES}). */
    private final Map<RangeCheck, Column> highBytes;

    /**
     * A preprocessed table that lookups into the same FIXED columns of the source look into.
     *
     * @param columns the source's FIXED columns, the table's tuple
     * @param shares its buses: the lookups of each and the table's MAIN multiplicity column for it
     * @param table the preprocessed table
     */
    record FixedLookupTable(List<Column> columns, List<Share> shares, Table table) {
        /** Every lookup into the table, in declaration order of the shares. */
        List<Lookup> lookups() {
            return shares.stream().flatMap(sh -> sh.lookups().stream()).toList();
        }
    }

    /** Lookups that one bus carries into a fixed table, counted by one multiplicity column. */
    record Share(List<Lookup> lookups, Column count) {
    }

    private TranslatedSystem(ConstraintSystem source, TableSystem system, Parts parts, Map<String, Table> partTables,
            Map<RangeBatch, Table> rangeTables, List<FixedLookupTable> fixedTables, RangeLayout layout,
            Map<RangeCheck, Column> highBytes) {
        this.layout = layout;
        this.highBytes = highBytes;
        this.source = source;
        this.system = system;
        this.parts = parts;
        this.partTables = partTables;
        this.main = partTables.get(Parts.MAIN);
        this.columns = parts.map(Parts.MAIN);
        this.rangeTables = rangeTables;
        this.fixedTables = fixedTables;
    }

    /**
     * Translates {@code source}.
     *
     * @throws IllegalArgumentException if a row constraint of its own reads a challenge, an
     *     extension column or a range multiplicity column (no table of a table system has them), or
     *     if a name it needs is taken (a range width's table named as the system itself)
     */
    public static TranslatedSystem of(ConstraintSystem source) {
        return of(source, c -> null);
    }

    /**
     * Translates {@code source} with some of its own MAIN columns in tables of their own: a
     * partition names the table of each MAIN column (null: the main table). Each row constraint
     * and each side of a range check, permutation or lookup goes to the table whose MAIN columns
     * it reads, with that table's copy of the FIXED columns it reads; a lookup's multiplicity goes
     * with the tuple it counts. Each such table is as tall as its own work ({@link #trace(long[][],
     * int, Map)}): an execution's steps apart from its memory log, for example.
     *
     * @throws IllegalArgumentException as {@link #of(ConstraintSystem)}, or if a row constraint or
     *     an argument's side reads MAIN columns of two tables
     */
    public static TranslatedSystem of(ConstraintSystem source, java.util.function.Function<Column, String> partition) {
        return of(source, partition, RangeLayout.WHOLE);
    }

    /**
     * As {@link #of(ConstraintSystem, java.util.function.Function)}, with the 16-bit range checks
     * in the given layout: {@link RangeLayout#BYTES} checks them on a 256-row table, each input as
     * two bytes, with a column {@code <check>.hi} in the table that sends it.
     *
     * @throws IllegalArgumentException as {@link #of(ConstraintSystem, java.util.function.Function)},
     *     or if a high-byte column's name is taken
     */
    public static TranslatedSystem of(ConstraintSystem source, java.util.function.Function<Column, String> partition,
            RangeLayout layout) {
        Map<List<Column>, List<Lookup>> fixedGroups = fixedLookupGroups(source);
        Set<Lookup> fixedLookups = new HashSet<>();
        fixedGroups.values().forEach(fixedLookups::addAll);
        Parts parts = Parts.of(source, partition, droppedColumns(source, fixedGroups), fixedLookups);
        TableSystemBuilder b = TableSystem.builder(source.name());
        // The checks split into bytes, by the table that sends them (each gets a high-byte column there).
        Map<String, List<RangeCheck>> splitChecks = new LinkedHashMap<>();
        for (RangeBatch rb : source.rangeBatches()) {
            if (splitsIntoBytes(layout, rb)) {
                for (RangeCheck rc : rb.inputs()) {
                    splitChecks.computeIfAbsent(parts.of(List.of(rc.value(), rc.selectorOrOne()),
                            "range check " + rc.name()), k -> new ArrayList<>()).add(rc);
                }
            }
        }
        Map<String, ConstraintSystemBuilder> airs = new LinkedHashMap<>();
        for (String p : parts.names()) {
            ConstraintSystemBuilder air = ConstraintSystem.builder(p.equals(Parts.MAIN) ? source.name() : p);
            ColumnMap map = parts.map(p);
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
            airs.put(p, air);
        }
        for (Constraint c : source.constraints()) {
            if (!c.isArgument()) {
                String p = parts.of(List.of(c.expr()), "constraint " + c.name());
                declare(airs.get(p), c.kind(), c.name(), parts.map(p).rewrite(c.expr(), "constraint " + c.name()));
            }
        }
        splitChecks.forEach((p, checks) -> {
            for (RangeCheck rc : checks) {
                airs.get(p).main(highByteName(rc));
                if (rc.selector() != null) {
                    // Split into bytes, two different out-of-range values can share a low "byte";
                    // selectors 1 and p - 1 would then cancel, which the whole table never allows.
                    Expr sel = parts.map(p).rewriteSelector(rc.selector(), "range check " + rc.name() + " selector");
                    airs.get(p).everyRow(rc.name() + SELECTOR_BOOL, sel.mul(sel.sub(1)));
                }
            }
        });
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Map.Entry<String, ConstraintSystemBuilder> e : airs.entrySet()) {
            tables.put(e.getKey(), b.table(e.getValue().build()));
        }
        Side side = (exprs, where) -> {
            String p = parts.of(exprs, where);
            return new Placed(tables.get(p), parts.map(p));
        };
        Map<RangeCheck, Column> highBytes = new LinkedHashMap<>();
        splitChecks.forEach((p, checks) -> checks.forEach(
                rc -> highBytes.put(rc, tables.get(p).air().column(highByteName(rc)))));
        Map<RangeBatch, Table> ranges = new LinkedHashMap<>();
        for (RangeBatch rb : source.rangeBatches()) {
            ranges.put(rb, splitsIntoBytes(layout, rb) ? byteRangeBus(b, rb, side, highBytes) : rangeBus(b, rb, side));
        }
        for (Permutation p : source.permutations()) {
            Bus bus = b.bus(p.name(), fields(p.left()));
            Placed left = side.of(Parts.withSelector(p.left(), p.leftSelector()), "permutation " + p.name() + " left");
            Placed right = side.of(Parts.withSelector(p.right(), p.rightSelector()), "permutation " + p.name() + " right");
            b.send(p.name() + ".left", bus, left.table(),
                    left.map().rewriteSelector(p.leftSelector(), p.name() + " left selector"),
                    rewriteAll(left.map(), p.left(), p.name() + " left"));
            b.receive(p.name() + ".right", bus, right.table(),
                    right.map().rewriteSelector(p.rightSelector(), p.name() + " right selector"),
                    rewriteAll(right.map(), p.right(), p.name() + " right"));
        }
        List<FixedLookupTable> fixedTables = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        taken.add(source.name());
        taken.addAll(tables.keySet());
        source.rangeBatches().forEach(rb -> taken.add(rb.name()));
        source.rangeBatches().stream().filter(rb -> splitsIntoBytes(layout, rb)).forEach(rb -> {
            taken.add(byteTableName(rb));
            rb.inputs().forEach(rc -> {
                taken.add(rc.name() + LOW_BYTE);
                taken.add(rc.name() + HIGH_BYTE);
            });
        });
        source.permutations().forEach(p -> taken.add(p.name()));
        source.lookups().forEach(l -> taken.add(l.name()));
        // interactions are named after these too (a receive takes its bus's name)
        source.rangeChecks().forEach(rc -> taken.add(rc.name()));
        source.permutations().forEach(p -> {
            taken.add(p.name() + ".left");
            taken.add(p.name() + ".right");
        });
        source.lookups().stream().filter(l -> !fixedLookups.contains(l)).forEach(l -> {
            taken.add(l.name() + ".input");
            taken.add(l.name() + ".table");
        });
        for (Map.Entry<List<Column>, List<Lookup>> g : fixedGroups.entrySet()) {
            fixedTables.add(fixedTable(b, side, source, g.getKey(), g.getValue(), taken));
        }
        for (Lookup l : source.lookups()) {
            if (fixedLookups.contains(l)) {
                continue;
            }
            Bus bus = b.bus(l.name(), fields(l.inputs()));
            Placed in = side.of(Parts.withSelector(l.inputs(), l.selector()), "lookup " + l.name() + " inputs");
            Placed table = side.of(l.table(), "lookup " + l.name() + " table");
            b.send(l.name() + ".input", bus, in.table(), in.map().rewriteSelector(l.selector(), l.name() + " selector"),
                    rewriteAll(in.map(), l.inputs(), l.name() + " input"));
            b.receive(l.name() + ".table", bus, table.table(), table.map().get(l.multiplicity()).cur(),
                    rewriteAll(table.map(), l.table(), l.name() + " table"));
        }
        source.publicSends().forEach(p -> {
            taken.add(p.name());
            taken.add(p.bus());
        });
        Map<String, Bus> publicBuses = new LinkedHashMap<>();
        for (PublicSend p : source.publicSends()) {
            Bus bus = publicBuses.computeIfAbsent(p.bus(), name -> b.bus(name, p.fields().toArray(new String[0])));
            Placed at = side.of(Parts.withSelector(p.tuple(), p.multiplicity()), "public send " + p.name());
            b.interact(p.name(), bus, at.table(), p.receives() ? Direction.RECEIVE : Direction.SEND,
                    at.map().rewrite(p.multiplicity(), p.name() + " multiplicity"),
                    List.of(rewriteAll(at.map(), p.tuple(), p.name() + " tuple")));
        }
        return new TranslatedSystem(source, b.build(), parts, tables, ranges, List.copyOf(fixedTables), layout,
                java.util.Collections.unmodifiableMap(highBytes));
    }

    private static final String LOW_BYTE = ".lo";
    private static final String HIGH_BYTE = ".hi";
    private static final String SELECTOR_BOOL = ".selector.bool";

    private static boolean splitsIntoBytes(RangeLayout layout, RangeBatch rb) {
        return layout == RangeLayout.BYTES && rb.bits() == 16;
    }

    private static String highByteName(RangeCheck rc) {
        return rc.name() + HIGH_BYTE;
    }

    private static String byteTableName(RangeBatch rb) {
        return rb.name() + ".bytes";
    }

    /**
     * The statement's side of the public buses as the table system's public tuples: each tuple
     * received once on the bus of its name, which the verifier adds to the buses' balance.
     *
     * @throws IllegalArgumentException if a tuple is on a bus the source does not send on, or has
     *     another width
     */
    public PublicTuples publicTuples(StatementTuples statement) {
        List<PublicTuples.Entry> entries = new ArrayList<>();
        for (String name : statement.buses()) {
            boolean sent = source.publicSends().stream().anyMatch(p -> p.bus().equals(name));
            if (!sent) {
                throw new IllegalArgumentException("no public bus " + name + " in " + source.name());
            }
            Bus bus = system.bus(name);
            for (long[] tuple : statement.on(name)) {
                entries.add(new PublicTuples.Entry(bus, Direction.RECEIVE, 1, tuple));
            }
        }
        return PublicTuples.of(entries);
    }

    /** A table and where the source's columns are in it. */
    private record Placed(Table table, ColumnMap map) {
    }

    /** Where an expression list goes (see {@link Parts#of}). */
    @FunctionalInterface
    private interface Side {
        Placed of(List<Expr> exprs, String where);
    }

    /**
     * The columns no table holds: AUX columns, the range batches' multiplicities and the range
     * table columns that no expression reads (a range check reads its table through its batch's
     * constraints, which the bus replaces), and the columns and multiplicities of lookups that
     * move to preprocessed tables.
     */
    private static Set<Column> droppedColumns(ConstraintSystem source, Map<List<Column>, List<Lookup>> fixedGroups) {
        Set<Column> dropped = new HashSet<>();
        for (RangeBatch rb : source.rangeBatches()) {
            dropped.add(rb.multiplicity());
            dropped.add(rb.table());
        }
        dropped.removeIf(c -> c.phase() == Phase.FIXED && readByAnExpression(source, c));
        // fixedLookupGroups only chose columns that nothing else reads
        for (Map.Entry<List<Column>, List<Lookup>> g : fixedGroups.entrySet()) {
            dropped.addAll(g.getKey());
            g.getValue().forEach(l -> dropped.add(l.multiplicity()));
        }
        source.columns(Phase.AUX).forEach(dropped::add);
        return dropped;
    }

    private static boolean readByAnExpression(ConstraintSystem source, Column c) {
        return readByAnExpression(source, c, Set.of());
    }

    /** Whether an expression reads {@code c}, the table tuples of the lookups {@code except} apart. */
    private static boolean readByAnExpression(ConstraintSystem source, Column c, Set<Lookup> except) {
        List<Expr> exprs = new ArrayList<>();
        source.constraints().stream().filter(k -> !k.isArgument()).forEach(k -> exprs.add(k.expr()));
        for (Lookup l : source.lookups()) {
            exprs.addAll(l.inputs());
            if (!except.contains(l)) {
                exprs.addAll(l.table());
            }
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

    /**
     * The lookups that can look into a preprocessed table of their own (see the class comment),
     * grouped by their table's FIXED columns, in declaration order.
     */
    private static Map<List<Column>, List<Lookup>> fixedLookupGroups(ConstraintSystem source) {
        Map<List<Column>, List<Lookup>> groups = new LinkedHashMap<>();
        for (Lookup l : source.lookups()) {
            List<Column> cols = new ArrayList<>();
            for (Expr e : l.table()) {
                if (e instanceof Expr.Cell c && !c.next() && c.column().phase() == Phase.FIXED
                        && (source.fixedValues(c.column()) instanceof FixedValues.Values
                        || source.fixedValues(c.column()) instanceof FixedValues.Range)) {
                    cols.add(c.column());
                } else {
                    cols = null;
                    break;
                }
            }
            if (cols != null && new HashSet<>(cols).size() == cols.size()) {
                groups.computeIfAbsent(List.copyOf(cols), k -> new ArrayList<>()).add(l);
            }
        }
        // a group stays only if nothing but its own lookups' tables reads its columns, and nothing
        // reads their multiplicities; a column may belong to one group only
        Set<Lookup> candidates = new HashSet<>();
        groups.values().forEach(candidates::addAll);
        Map<Column, Integer> owners = new java.util.HashMap<>();
        groups.keySet().forEach(cols -> cols.forEach(c -> owners.merge(c, 1, Integer::sum)));
        groups.entrySet().removeIf(g -> g.getKey().stream().anyMatch(c -> owners.get(c) > 1
                || readByAnExpression(source, c, candidates))
                || g.getValue().stream().anyMatch(l -> readByAnExpression(source, l.multiplicity(), Set.of())));
        return groups;
    }

    /**
     * The preprocessed table of one group of fixed lookups and its buses. Lookups without a
     * selector (each row counts once) share one bus and one multiplicity column: their sum is a
     * sum of counts below p, so a tuple missing from the table cannot cancel. A lookup with a
     * selector gets a bus and a multiplicity column of its own, so that its LogUp statement stands
     * alone as in the source (selectors are meant to be 0 or 1, but the translation does not lean
     * on that across lookups).
     */
    private static FixedLookupTable fixedTable(TableSystemBuilder b, Side side, ConstraintSystem source,
            List<Column> cols, List<Lookup> lookups, Set<String> taken) {
        String prefix = commonPrefix(cols);
        String name = unique(prefix.isEmpty() || taken.contains(prefix) ? lookups.get(0).name() + ".table" : prefix,
                taken);
        ConstraintSystemBuilder air = ConstraintSystem.builder(name);
        int height = 1;
        List<Expr> tuple = new ArrayList<>();
        for (Column c : cols) {
            FixedValues values = source.fixedValues(c);
            tuple.add(air.fixed(c.name(), values).cur());
            while (height < values.minRows()) {
                height <<= 1;
            }
        }
        List<Lookup> plain = lookups.size() == 1 ? lookups
                : lookups.stream().filter(l -> l.selector() == null).toList();
        List<List<Lookup>> groups = new ArrayList<>();
        if (!plain.isEmpty()) {
            groups.add(plain);
        }
        lookups.stream().filter(l -> !plain.contains(l)).forEach(l -> groups.add(List.of(l)));
        List<String> busNames = new ArrayList<>();
        List<Column> counts = new ArrayList<>();
        for (List<Lookup> g : groups) {
            boolean shared = g == plain;
            busNames.add(shared ? name : unique(name + "[" + g.get(0).name() + "]", taken));
            counts.add(air.main(shared ? name + ".m" : g.get(0).name() + ".m"));
        }
        Table table = b.preprocessed(air.build(), height);
        String[] fields = cols.stream().map(Column::name).toArray(String[]::new);
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Bus bus = b.bus(busNames.get(i), fields);
            for (Lookup l : groups.get(i)) {
                Placed in = side.of(Parts.withSelector(l.inputs(), l.selector()), "lookup " + l.name() + " inputs");
                b.send(l.name() + ".input", bus, in.table(), in.map().rewriteSelector(l.selector(), l.name() + " selector"),
                        rewriteAll(in.map(), l.inputs(), l.name() + " input"));
            }
            b.receive(busNames.get(i), bus, table, counts.get(i).cur(), tuple.toArray(new Expr[0]));
            shares.add(new Share(List.copyOf(groups.get(i)), counts.get(i)));
        }
        return new FixedLookupTable(cols, List.copyOf(shares), table);
    }

    /** {@code name}, or with the first free suffix {@code #2, #3, ...}; taken afterwards. */
    private static String unique(String name, Set<String> taken) {
        String n = name;
        for (int i = 2; taken.contains(n); i++) {
            n = name + "#" + i;
        }
        taken.add(n);
        return n;
    }

    /** The names' longest common prefix that ends before a dot ({@code table.byte} of {@code table.byte.x, table.byte.y}). */
    private static String commonPrefix(List<Column> cols) {
        String first = cols.get(0).name();
        if (cols.size() == 1) {
            return first;
        }
        int end = first.length();
        for (Column c : cols) {
            String n = c.name();
            int i = 0;
            while (i < Math.min(end, n.length()) && n.charAt(i) == first.charAt(i)) {
                i++;
            }
            end = i;
        }
        int dot = first.lastIndexOf('.', end - 1);
        return dot <= 0 ? "" : first.substring(0, dot);
    }

    /** The range table of one width, its bus, and one send per range check of that width. */
    private static Table rangeBus(TableSystemBuilder b, RangeBatch rb, Side side) {
        ConstraintSystemBuilder air = ConstraintSystem.builder(rb.name());
        Column value = air.fixed(rb.table().name(), FixedValues.range(rb.size()));
        Column count = air.main(rb.multiplicity().name());
        Table table = b.preprocessed(air.build(), rb.size());
        Bus bus = b.bus(rb.name(), RANGE_FIELD);
        for (RangeCheck rc : rb.inputs()) {
            Placed in = side.of(List.of(rc.value(), rc.selectorOrOne()), "range check " + rc.name());
            b.send(rc.name(), bus, in.table(),
                    in.map().rewriteSelector(rc.selector(), "range check " + rc.name() + " selector"),
                    in.map().rewrite(rc.value(), "range check " + rc.name()));
        }
        b.receive(rb.name(), bus, table, count.cur(), value.cur());
        return table;
    }

    /**
     * The byte table of a 16-bit batch ({@link RangeLayout#BYTES}), its bus, and two sends per
     * range check: its high byte {@code hi} and its low byte {@code v - 256·hi}.
     */
    private static Table byteRangeBus(TableSystemBuilder b, RangeBatch rb, Side side, Map<RangeCheck, Column> highBytes) {
        String name = byteTableName(rb);
        ConstraintSystemBuilder air = ConstraintSystem.builder(name);
        Column value = air.fixed(name, FixedValues.range(BYTE_VALUES));
        Column count = air.main(name + ".m");
        Table table = b.preprocessed(air.build(), BYTE_VALUES);
        Bus bus = b.bus(name, RANGE_FIELD);
        for (RangeCheck rc : rb.inputs()) {
            Placed in = side.of(List.of(rc.value(), rc.selectorOrOne()), "range check " + rc.name());
            Expr selector = in.map().rewriteSelector(rc.selector(), "range check " + rc.name() + " selector");
            Expr high = highBytes.get(rc).cur();
            b.send(rc.name() + LOW_BYTE, bus, in.table(), selector,
                    in.map().rewrite(rc.value(), "range check " + rc.name()).sub(high.mul(BYTE_VALUES)));
            b.send(rc.name() + HIGH_BYTE, bus, in.table(), selector, high);
        }
        b.receive(name, bus, table, count.cur(), value.cur());
        return table;
    }

    /** The values of a byte. */
    static final int BYTE_VALUES = 256;

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

    /**
     * The preprocessed range table of {@code bits}-bit range checks: for 16 bits in
     * {@link RangeLayout#BYTES}, the 256-row table of their bytes.
     */
    public Table rangeTable(int bits) {
        return findRangeTable(bits).orElseThrow(() -> new IllegalArgumentException(source.name() + " has no " + bits
                + "-bit range checks"));
    }

    /** {@link #rangeTable}, or empty if the source has no {@code bits}-bit range checks. */
    public java.util.Optional<Table> findRangeTable(int bits) {
        return rangeTables.entrySet().stream().filter(e -> e.getKey().bits() == bits).map(Map.Entry::getValue)
                .findFirst();
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

    /**
     * As {@link #trace(long[][], int)}, with the partition's tables at their own heights: each
     * takes the first rows of its columns, and the counts of what they send are taken on those
     * rows only. A table the map does not name has the main table's height. (An execution's
     * padding rows are what is left out: they send nothing.)
     *
     * @param partRows heights by the partition's table names, powers of two up to {@code rows}
     */
    public SystemTrace trace(long[][] sourceColumns, int rows, Map<String, Integer> partRows) {
        return TraceTranslation.trace(this, sourceColumns, rows, partRows);
    }

    /**
     * The height of the partition's table {@code part} for {@code rows} rows of its work: the
     * smallest power of two that holds them and its FIXED columns.
     *
     * @throws IllegalArgumentException if the partition has no such table
     */
    public int heightFor(String part, int rows) {
        Table t = partTables.get(part);
        if (t == null || part.equals(Parts.MAIN)) {
            throw new IllegalArgumentException(source.name() + " has no table " + part + " apart from its main table");
        }
        int h = 1;
        while (h < rows || h < t.minHeight()) {
            h <<= 1;
        }
        return h;
    }

    /** The range tables, by their batch in the source. */
    Map<RangeBatch, Table> rangeTables() {
        return rangeTables;
    }

    /**
     * The high-byte column of each range check that this translation checks as two bytes, in its
     * sending table; empty in {@link RangeLayout#WHOLE}.
     */
    Map<RangeCheck, Column> highBytes() {
        return highBytes;
    }

    /** The layout this translation was made in. */
    public RangeLayout rangeLayout() {
        return layout;
    }

    /** Whether this translation checks the batch's inputs as two bytes each. */
    boolean splitsIntoBytes(RangeBatch rb) {
        return splitsIntoBytes(layout, rb);
    }

    /** The tables of the source's own columns, the main one first ({@link Parts#MAIN}), by key. */
    Map<String, Table> partTables() {
        return partTables;
    }

    /** The split of the source's own columns. */
    Parts parts() {
        return parts;
    }

    /** The preprocessed tables of lookups into fixed columns. */
    List<FixedLookupTable> fixedTables() {
        return fixedTables;
    }

    /** Where each source column went. */
    ColumnMap columnMap() {
        return columns;
    }
}
