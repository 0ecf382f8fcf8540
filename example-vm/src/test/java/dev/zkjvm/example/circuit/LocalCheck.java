package dev.zkjvm.example.circuit;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.ConstraintKind;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.Exprs;
import dev.zkjvm.circuit.air.Lookup;
import dev.zkjvm.circuit.air.Permutation;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.air.RangeBatch;
import dev.zkjvm.circuit.air.RangeCheck;
import dev.zkjvm.circuit.eval.BlockEvaluator;
import dev.zkjvm.circuit.eval.Program;
import dev.zkjvm.circuit.eval.ProgramCompiler;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.witness.Witness;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checker's verdict on a witness that differs from a satisfied one, computed only where it
 * differs. It runs programs compiled by the checker's compiler ({@link ProgramCompiler#compileChecks}
 * of the system's own constraints, split the checker's way into rows 0..n-2, row 0 and row n-1)
 * through the checker's {@link BlockEvaluator}. Every constraint reads only its row and the next,
 * so on a pair of rows whose cells equal those of some pair of rows of the satisfied witness it
 * evaluates to the same value: zero. Only the other pairs are evaluated.
 *
 * <p>Columns fall into <em>components</em> (columns read together by some constraint: the
 * time-ordered log with the vm.* columns, and the sorted copy). An insertion or deletion moves the
 * sorted copy against the log, so pairs of rows are matched per component.
 *
 * <p>Two modes:
 * <ul>
 *   <li>{@link #inPlace}: cells changed with {@code Witness.set} (no new challenges, honest AUX
 *       columns). All constraints, the argument ones included, are evaluated on the changed rows and
 *       the rows before them: exactly what the checker reports.</li>
 *   <li>{@link #rebuilt}: the MAIN columns of a witness made from a changed trace by the circuit's
 *       own generator ({@code MachineCircuit.witnessBuilder}), read from the builder before
 *       {@code build()}. The non-argument constraints are evaluated as above. A built witness gets
 *       honest multiplicities, fresh challenges and AUX columns computed from their definitions, so
 *       a lookup fails exactly when an input is missing from its table, and a permutation exactly
 *       when its two sides differ as multisets (up to the argument's own soundness error, about
 *       rows/p^2). Lookups and range checks are decided on the changed cells, the permutation by
 *       a multiset comparison (exact on few changed rows, by two independent 64-bit additive
 *       fingerprints on many).</li>
 * </ul>
 * MutationTest cross-checks both modes against full {@code build()} + {@code Checker} runs.
 */
final class LocalCheck {
    /** Above this many changed rows in a component, pairs of rows are matched against honest pairs. */
    private static final int FEW = 2048;
    private static final Ext2[] NO_CHALLENGES = new Ext2[0];

    /** What the checker would report: failing constraint names (an argument's name for an argument). */
    record Verdict(Set<String> failing, String builderError) {
        boolean rejected() {
            return builderError != null || !failing.isEmpty();
        }
    }

    /** Columns read together by constraints, with those constraints compiled. */
    private static final class Component {
        final int[] columns;
        final Program bulk;
        final Program first;
        final Program last;
        long[] honestHash;
        LongIntMap pairIndex;

        Component(int[] columns, List<Constraint> cs) {
            this.columns = columns;
            bulk = ProgramCompiler.compileChecks(select(cs, ConstraintKind.EVERY_ROW, ConstraintKind.TRANSITION));
            first = ProgramCompiler.compileChecks(select(cs, ConstraintKind.FIRST_ROW));
            last = ProgramCompiler.compileChecks(select(cs, ConstraintKind.EVERY_ROW, ConstraintKind.LAST_ROW));
        }
    }

    private final ConstraintSystem system;
    private final Witness honest;
    private final int n;
    private final Ext2[] challenges;
    private final Program bulkAll;
    private final Program firstAll;
    private final Program lastAll;
    private final int[] generated;
    private final List<Component> components = new ArrayList<>();
    private final int[] lookupColumn;
    private final long[][] lookupTable;
    /** Per range check: its plain input column, its range size and its batch's name. */
    private final int[] rangeColumn;
    private final int[] rangeSize;
    private final String[] rangeBatch;
    private final int[][] permutationLeft;
    private final int[][] permutationRight;
    private final ThreadLocal<Session> sessions = ThreadLocal.withInitial(Session::new);

    /** Per-thread evaluators, bound to an array of column references that each call fills. */
    private final class Session {
        final long[][] cols = new long[system.columns().size()][];
        final BlockEvaluator bulkAllE = new BlockEvaluator(bulkAll, cols, challenges);
        final BlockEvaluator firstAllE = new BlockEvaluator(firstAll, cols, challenges);
        final BlockEvaluator lastAllE = new BlockEvaluator(lastAll, cols, challenges);
        final List<BlockEvaluator[]> componentE = new ArrayList<>();

        Session() {
            for (Component k : components) {
                componentE.add(new BlockEvaluator[] {new BlockEvaluator(k.bulk, cols, NO_CHALLENGES),
                    new BlockEvaluator(k.first, cols, NO_CHALLENGES), new BlockEvaluator(k.last, cols, NO_CHALLENGES)});
            }
        }

        void use(long[][] table) {
            System.arraycopy(table, 0, cols, 0, cols.length);
        }
    }

    LocalCheck(Witness honest) {
        this.system = honest.system();
        this.honest = honest;
        this.n = honest.rows();
        this.challenges = honest.challengeValues();
        long[][] honestCols = honest.columnsUnsafe();
        List<Constraint> all = system.constraints();
        bulkAll = ProgramCompiler.compileChecks(select(all, ConstraintKind.EVERY_ROW, ConstraintKind.TRANSITION));
        firstAll = ProgramCompiler.compileChecks(select(all, ConstraintKind.FIRST_ROW));
        lastAll = ProgramCompiler.compileChecks(select(all, ConstraintKind.EVERY_ROW, ConstraintKind.LAST_ROW));

        List<Lookup> lookups = system.lookups();
        lookupColumn = new int[lookups.size()];
        lookupTable = new long[lookups.size()][];
        Map<List<Expr>, long[]> tables = new HashMap<>();
        List<Integer> multiplicities = new ArrayList<>();
        for (int k = 0; k < lookups.size(); k++) {
            Lookup l = lookups.get(k);
            multiplicities.add(l.multiplicity().index());
            lookupColumn[k] = plainColumn(l.selector() == null && l.width() == 1 ? l.inputs().get(0) : null, l.name());
            lookupTable[k] = tables.computeIfAbsent(l.table(), t -> {
                long[] v = new long[n];
                BlockEvaluator e = new BlockEvaluator(ProgramCompiler.compileValues(t), honestCols, NO_CHALLENGES);
                for (int from = 0; from < n; from += BlockEvaluator.BLOCK) {
                    int len = Math.min(BlockEvaluator.BLOCK, n - from);
                    e.run(from, len, (c, row) -> { });
                    e.output(0, 0, len, v, from);
                }
                return Arrays.stream(v).sorted().distinct().toArray();
            });
        }
        List<RangeBatch> batches = system.rangeBatches();
        List<RangeCheck> ranges = system.rangeChecks();
        rangeColumn = new int[ranges.size()];
        rangeSize = new int[ranges.size()];
        rangeBatch = new String[ranges.size()];
        int k0 = 0;
        for (RangeBatch b : batches) {
            multiplicities.add(b.multiplicity().index());
            for (RangeCheck rc : b.inputs()) {
                rangeColumn[k0] = plainColumn(rc.selector() == null ? rc.value() : null, rc.name());
                rangeSize[k0] = rc.size();
                rangeBatch[k0++] = b.name();
            }
        }
        List<Permutation> perms = system.permutations();
        permutationLeft = new int[perms.size()][];
        permutationRight = new int[perms.size()][];
        for (int k = 0; k < perms.size(); k++) {
            Permutation p = perms.get(k);
            if (p.leftSelector() != null || p.rightSelector() != null) {
                throw new UnsupportedOperationException("permutation selectors are not needed by the machine circuits");
            }
            permutationLeft[k] = p.left().stream().mapToInt(e -> plainColumn(e, p.name())).toArray();
            permutationRight[k] = p.right().stream().mapToInt(e -> plainColumn(e, p.name())).toArray();
        }
        generated = system.columns(Phase.MAIN).stream().mapToInt(Column::index)
                .filter(i -> !multiplicities.contains(i)).toArray();

        // Components: union-find over the columns each non-argument constraint reads.
        int[] parent = new int[system.columns().size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        List<Constraint> main = all.stream().filter(c -> !c.isArgument()).toList();
        for (Constraint c : main) {
            int root = -1;
            for (Expr.Cell cell : Exprs.cells(c.expr())) {
                int col = cell.column().index();
                if (Arrays.stream(generated).noneMatch(g -> g == col)) {
                    throw new IllegalStateException(c.name() + " reads " + cell + ", not a generated MAIN column");
                }
                int r = find(parent, col);
                if (root < 0) {
                    root = r;
                } else {
                    parent[r] = root;
                }
            }
        }
        Map<Integer, List<Constraint>> byRoot = new LinkedHashMap<>();
        for (Constraint c : main) {
            Expr.Cell any = Exprs.cells(c.expr()).iterator().next();
            byRoot.computeIfAbsent(find(parent, any.column().index()), r -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<Integer, List<Constraint>> e : byRoot.entrySet()) {
            int root = e.getKey();
            int[] cols = Arrays.stream(generated).filter(g -> find(parent, g) == root).toArray();
            Component k = new Component(cols, e.getValue());
            k.honestHash = rowHashes(honestCols, cols, null, null);
            k.pairIndex = new LongIntMap(n);
            for (int r = 0; r + 1 < n; r++) {
                k.pairIndex.putIfAbsent(pairHash(k.honestHash[r], k.honestHash[r + 1]), r);
            }
            components.add(k);
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static int plainColumn(Expr e, String what) {
        if (e instanceof Expr.Cell c && !c.next()) {
            return c.column().index();
        }
        throw new UnsupportedOperationException(what + ": only plain current-row columns are supported, not " + e);
    }

    private static List<Constraint> select(List<Constraint> cs, ConstraintKind... kinds) {
        List<ConstraintKind> k = List.of(kinds);
        return cs.stream().filter(c -> k.contains(c.kind())).toList();
    }

    /** The MAIN columns a builder holds (as its generator set them), indexed like the system's columns. */
    static long[][] columnsOf(WitnessBuilder b) {
        return b.suppliedColumns();
    }

    // ---- in place --------------------------------------------------------------------------------

    /**
     * The checker's failing constraints on {@code edited}, a copy of the honest witness in which only
     * cells of {@code changedRows} were set.
     */
    Verdict inPlace(Witness edited, BitSet changedRows) {
        Set<String> failing = new TreeSet<>();
        BitSet bulkRows = (BitSet) changedRows.clone();
        bulkRows.or(changedRows.get(1, n));
        Session s = sessions.get();
        s.use(edited.columnsUnsafe());
        evaluate(bulkRows, changedRows.get(0), changedRows.get(n - 1), s.bulkAllE, s.firstAllE, s.lastAllE, failing);
        return new Verdict(failing, null);
    }

    // ---- rebuilt ---------------------------------------------------------------------------------

    /** The verdict on the witness that {@code builder} (not built yet) would build. */
    Verdict rebuilt(WitnessBuilder builder) {
        return rebuilt(builder, null);
    }

    /**
     * As {@link #rebuilt(WitnessBuilder)}, when the caller knows the only rows where the builder's
     * columns can differ from the honest ones ({@code null}: compare every row).
     */
    Verdict rebuilt(WitnessBuilder builder, BitSet onlyRows) {
        long[][] mutant = columnsOf(builder);
        long[][] honestCols = honest.columnsUnsafe();
        Session session = sessions.get();
        session.use(honestCols);
        long[][] cols = session.cols;
        BitSet[] changedIn = new BitSet[cols.length];
        for (int ci : generated) {
            long[] a = mutant[ci];
            if (a == null) {
                return new Verdict(Set.of(), "column " + system.columns().get(ci) + " not set");
            }
            if (a.length != n) {
                return new Verdict(Set.of(), "rows changed: " + a.length + " instead of " + n);
            }
            long[] h = honestCols[ci];
            BitSet changed = new BitSet();
            if (onlyRows != null) {
                for (int row = onlyRows.nextSetBit(0); row >= 0; row = onlyRows.nextSetBit(row + 1)) {
                    if (a[row] != h[row]) {
                        changed.set(row);
                    }
                }
            } else {
                int from = 0;
                while (from < n) {
                    int m = Arrays.mismatch(a, from, n, h, from, n);
                    if (m < 0) {
                        break;
                    }
                    changed.set(from + m);
                    from += m + 1;
                }
            }
            for (int row = changed.nextSetBit(0); row >= 0; row = changed.nextSetBit(row + 1)) {
                if (!Goldilocks.isCanonical(a[row])) {
                    return new Verdict(Set.of(), "column " + system.columns().get(ci) + " row " + row
                            + " is not canonical");
                }
            }
            changedIn[ci] = changed;
            cols[ci] = a;
        }
        Set<String> failing = new TreeSet<>();
        List<Constraint> cs = system.constraints();
        for (int k = 0; k < components.size(); k++) {
            Component comp = components.get(k);
            BitSet changed = new BitSet();
            for (int ci : comp.columns) {
                changed.or(changedIn[ci]);
            }
            if (changed.isEmpty()) {
                continue;
            }
            BitSet bulkRows;
            if (changed.cardinality() <= FEW) {
                bulkRows = (BitSet) changed.clone();
                bulkRows.or(changed.get(1, n));
            } else {
                long[] hash = rowHashes(cols, comp.columns, changed, comp.honestHash);
                bulkRows = new BitSet();
                for (int r = 0; r + 1 < n; r++) {
                    if (!changed.get(r) && !changed.get(r + 1)) {
                        continue;
                    }
                    int p = comp.pairIndex.get(pairHash(hash[r], hash[r + 1]));
                    if (p < 0 || !sameRow(cols, r, honestCols, p, comp.columns)
                            || !sameRow(cols, r + 1, honestCols, p + 1, comp.columns)) {
                        bulkRows.set(r);
                    }
                }
            }
            BlockEvaluator[] e = session.componentE.get(k);
            evaluate(bulkRows, changed.get(0), changed.get(n - 1), e[0], e[1], e[2], failing);
        }
        List<Lookup> lookups = system.lookups();
        for (int k = 0; k < lookups.size(); k++) {
            long[] v = cols[lookupColumn[k]];
            long[] table = lookupTable[k];
            BitSet changed = changedIn[lookupColumn[k]];
            for (int r = changed.nextSetBit(0); r >= 0; r = changed.nextSetBit(r + 1)) {
                if (Arrays.binarySearch(table, v[r]) < 0) {
                    failing.add(lookups.get(k).name());
                    break;
                }
            }
        }
        for (int k = 0; k < rangeColumn.length; k++) {
            long[] v = cols[rangeColumn[k]];
            BitSet changed = changedIn[rangeColumn[k]];
            for (int r = changed.nextSetBit(0); r >= 0; r = changed.nextSetBit(r + 1)) {
                if (Long.compareUnsigned(v[r], rangeSize[k]) >= 0) {
                    failing.add(rangeBatch[k]);
                    break;
                }
            }
        }
        List<Permutation> perms = system.permutations();
        for (int k = 0; k < perms.size(); k++) {
            BitSet changed = new BitSet();
            for (int ci : permutationLeft[k]) {
                changed.or(changedIn[ci]);
            }
            for (int ci : permutationRight[k]) {
                changed.or(changedIn[ci]);
            }
            boolean equal = changed.cardinality() <= FEW
                    ? permutationDelta(k, cols, honestCols, changed) : permutationFingerprint(k, cols);
            if (!equal) {
                failing.add(perms.get(k).name());
            }
        }
        return new Verdict(failing, null);
    }

    /** New left + old right equals new right + old left, as multisets, on the changed rows. */
    private boolean permutationDelta(int k, long[][] cols, long[][] honestCols, BitSet changed) {
        Map<List<Long>, Long> balance = new HashMap<>();
        for (int r = changed.nextSetBit(0); r >= 0; r = changed.nextSetBit(r + 1)) {
            balance.merge(tuple(cols, permutationLeft[k], r), 1L, Long::sum);
            balance.merge(tuple(honestCols, permutationRight[k], r), 1L, Long::sum);
            balance.merge(tuple(cols, permutationRight[k], r), -1L, Long::sum);
            balance.merge(tuple(honestCols, permutationLeft[k], r), -1L, Long::sum);
        }
        return balance.values().stream().allMatch(x -> x == 0);
    }

    /** Both sides over all rows, compared by two independent additive fingerprints. */
    private boolean permutationFingerprint(int k, long[][] cols) {
        return fingerprint(cols, permutationLeft[k], 0x9E3779B97F4A7C15L)
                == fingerprint(cols, permutationRight[k], 0x9E3779B97F4A7C15L)
                && fingerprint(cols, permutationLeft[k], 0xC2B2AE3D27D4EB4FL)
                == fingerprint(cols, permutationRight[k], 0xC2B2AE3D27D4EB4FL);
    }

    private long fingerprint(long[][] cols, int[] side, long seed) {
        long[] h = new long[n];
        for (int j = 0; j < side.length; j++) {
            long[] c = cols[side[j]];
            long key = mix(seed + j);
            for (int r = 0; r < n; r++) {
                h[r] = mix(h[r] + c[r] * key + key);
            }
        }
        long sum = 0;
        for (int r = 0; r < n; r++) {
            sum += h[r];
        }
        return sum;
    }

    private static List<Long> tuple(long[][] cols, int[] side, int r) {
        Long[] t = new Long[side.length];
        for (int j = 0; j < side.length; j++) {
            t[j] = cols[side[j]][r];
        }
        return Arrays.asList(t);
    }

    // ---- evaluation ------------------------------------------------------------------------------

    private void evaluate(BitSet bulkRows, boolean firstRow, boolean lastRow, BlockEvaluator bulk,
            BlockEvaluator first, BlockEvaluator last, Set<String> failing) {
        List<Constraint> cs = system.constraints();
        int r = bulkRows.nextSetBit(0);
        while (r >= 0 && r < n - 1) {
            int end = Math.min(n - 1, bulkRows.nextClearBit(r));
            for (int from = r; from < end; from += BlockEvaluator.BLOCK) {
                bulk.run(from, Math.min(BlockEvaluator.BLOCK, end - from), (c, row) -> failing.add(cs.get(c).name()));
            }
            r = bulkRows.nextSetBit(end);
        }
        if (firstRow) {
            first.run(0, 1, (c, row) -> failing.add(cs.get(c).name()));
        }
        if (lastRow) {
            last.run(n - 1, 1, (c, row) -> failing.add(cs.get(c).name()));
        }
    }

    // ---- row fingerprints ------------------------------------------------------------------------

    /** Hash of each row over {@code columns}; with {@code onlyRows}, other rows copy {@code otherwise}. */
    private long[] rowHashes(long[][] cols, int[] columns, BitSet onlyRows, long[] otherwise) {
        long[] h;
        if (onlyRows == null) {
            h = new long[n];
            for (int ci : columns) {
                long[] c = cols[ci];
                long k = mix(ci + 1L);
                for (int r = 0; r < n; r++) {
                    h[r] = (h[r] ^ (c[r] * k)) * 0xFF51AFD7ED558CCDL + ci;
                }
            }
            for (int r = 0; r < n; r++) {
                h[r] = mix(h[r]);
            }
            return h;
        }
        h = otherwise.clone();
        for (int r = onlyRows.nextSetBit(0); r >= 0; r = onlyRows.nextSetBit(r + 1)) {
            long x = 0;
            for (int ci : columns) {
                x = (x ^ (cols[ci][r] * mix(ci + 1L))) * 0xFF51AFD7ED558CCDL + ci;
            }
            h[r] = mix(x);
        }
        return h;
    }

    private static long pairHash(long a, long b) {
        return mix(a * 0x9E3779B97F4A7C15L + b);
    }

    private static boolean sameRow(long[][] a, int ra, long[][] b, int rb, int[] columns) {
        for (int ci : columns) {
            if (a[ci][ra] != b[ci][rb]) {
                return false;
            }
        }
        return true;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Open addressing map from a 64-bit key to the first row that has it. */
    private static final class LongIntMap {
        private final long[] keys;
        private final int[] vals;
        private final int mask;

        LongIntMap(int expected) {
            int cap = Integer.highestOneBit(Math.max(4, expected) * 2) * 2;
            keys = new long[cap];
            vals = new int[cap];
            Arrays.fill(vals, -1);
            mask = cap - 1;
        }

        void putIfAbsent(long key, int value) {
            int i = (int) mix(key) & mask;
            while (vals[i] >= 0) {
                if (keys[i] == key) {
                    return;
                }
                i = (i + 1) & mask;
            }
            keys[i] = key;
            vals[i] = value;
        }

        int get(long key) {
            int i = (int) mix(key) & mask;
            while (vals[i] >= 0) {
                if (keys[i] == key) {
                    return vals[i];
                }
                i = (i + 1) & mask;
            }
            return -1;
        }
    }
}
