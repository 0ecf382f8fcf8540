package dev.zkjvm.example.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.check.CheckOptions;
import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.check.Checker;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.memory.MemoryConsistency;
import dev.zkjvm.circuit.witness.Witness;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import dev.zkjvm.example.circuit.Subjects.Subject;
import dev.zkjvm.runtime.MemoryLayout;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.Word;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Mutation testing of the machine circuits: every honest trace of the example programs is changed
 * in one place at a time, and the circuit must reject every change that breaks a rule it states.
 *
 * <p><b>Mutants.</b> For every record of a short trace, and for a long one the first and last
 * {@value #EDGE} records and a deterministic sample of {@link #SAMPLE} more: value + 1, value with its top bit flipped, address
 * + word size, address + 1, time + 1, time - 1, read/write flipped, depth + 1, depth - 1, second-cell
 * bit toggled, swap with the next record (the time column stays in place), deletion and three
 * insertions after the record (a duplicate, a read of the same cell with the right value, a read
 * with a wrong value); deletions and insertions renumber the time column. Then every sorted-copy
 * column {@code mem.s.*} is changed at sampled rows, once in place with {@code Witness.set} (old
 * challenges) and once rebuilt honestly (the permutation sees it).
 *
 * <p><b>The oracle.</b> Some mutants are still valid traces (a read flipped to a write of the value
 * the cell already holds, a changed value of a write that nothing reads again, a duplicated register
 * read): the circuit proves memory consistency and the address-space rules, not what each instruction
 * computes. {@link ReferenceRules} restates those rules on the trace independently of the
 * constraints. The test asserts that every mutant the oracle calls invalid is rejected, and every
 * mutant it calls valid (an <em>equivalent</em> mutant) is accepted, and prints both counts.
 *
 * <p><b>How mutants are checked.</b> A full witness build (commitment, challenges, running sums)
 * and check of 2^16 rows takes about 0.4 s, too slow for ~50,000 mutants. Each mutant trace
 * therefore goes through the circuit's own generator ({@code witnessBuilder}), and {@link LocalCheck}
 * evaluates the checker's compiled constraints on the rows that differ from the honest witness, plus
 * the lookups and the permutation on those rows. A sample of mutants of every kind also runs through
 * the full {@code witness} + {@code check}; the two verdicts (failing constraint names) must agree.
 */
@Tag("slow")
class MutationTest {
    /**
     * Records drawn besides the first and last {@link #EDGE}, where a trace has more records than
     * that. The default keeps the class near 2-3 minutes on 2 cores; {@code -Dzkjvm.mutation.sample=2000}
     * runs the large sample (about 56,000 trace mutants, 16 minutes on 2 busy cores).
     */
    static final int SAMPLE = Integer.getInteger("zkjvm.mutation.sample", 100);
    static final int EDGE = 50;
    static final int SORTED_ROWS = 150;
    static final int THREADS = 2;

    private static ExecutorService pool;
    private static final Map<String, String> SUMMARY = Collections.synchronizedMap(new LinkedHashMap<>());

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
        System.out.println("mutation summary:");
        SUMMARY.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    }

    @Test
    void fibonacci() throws Exception {
        run(Subjects.fibonacci(), 0);
    }

    @Test
    void factorial() throws Exception {
        run(Subjects.factorial(), 1);
    }

    @Test
    void arraySum() throws Exception {
        run(Subjects.arraySum(), 2);
    }

    @Test
    void bubbleSort() throws Exception {
        run(Subjects.bubbleSort(), 3);
    }

    @Test
    void seedMachineWithUnalignedAccesses() throws Exception {
        run(Subjects.seedUnaligned(), 4);
    }

    @Test
    void calculator() throws Exception {
        run(Subjects.calculator(), 5);
    }

    // ---- mutants -----------------------------------------------------------------------------

    /** One kind of single change to a trace at a record. */
    enum Kind {
        VALUE_PLUS_ONE, VALUE_TOP_BIT, ADDRESS_PLUS_WORD, ADDRESS_PLUS_ONE, TIME_PLUS_ONE, TIME_MINUS_ONE,
        FLAG_FLIP, DEPTH_PLUS_ONE, DEPTH_MINUS_ONE, SECOND_CELL_TOGGLE, SWAP_NEXT, DELETE, INSERT_DUPLICATE,
        INSERT_READ, INSERT_WRONG_READ
    }

    /** The edit of {@code kind} at record {@code i}, or {@code null} where it does not apply. */
    static <W extends Word<W>> UnaryOperator<TraceEdits<W>> edit(Kind kind, Trace<W> t, int i, int wordSize) {
        int n = t.size();
        int limbs = t.wordType().limbs();
        switch (kind) {
            case VALUE_PLUS_ONE:
                return e -> e.valueLimb(i, 0, t.valueLimb(i, 0) + 1);
            case VALUE_TOP_BIT:
                return e -> e.valueLimb(i, limbs - 1, t.valueLimb(i, limbs - 1) ^ Long.MIN_VALUE);
            case ADDRESS_PLUS_WORD:
                return e -> e.address(i, t.address(i) + wordSize);
            case ADDRESS_PLUS_ONE:
                return e -> e.address(i, t.address(i) + 1);
            case TIME_PLUS_ONE:
                return e -> e.time(i, t.time(i) + 1);
            case TIME_MINUS_ONE:
                return e -> e.time(i, t.time(i) - 1);
            case FLAG_FLIP:
                return e -> e.write(i, t.flag(i) == 0);
            case DEPTH_PLUS_ONE:
                return e -> e.depth(i, t.stackDepth(i) + 1);
            case DEPTH_MINUS_ONE:
                return e -> e.depth(i, t.stackDepth(i) - 1);
            case SECOND_CELL_TOGGLE:
                return e -> e.secondCell(i, !t.secondCell(i));
            case SWAP_NEXT:
                return i + 1 < n ? e -> e.swap(i, i + 1).keepTimeColumn() : null;
            case DELETE:
                return e -> e.delete(i).renumberTimes();
            case INSERT_DUPLICATE:
                return e -> e.duplicate(i).renumberTimes();
            case INSERT_READ:
                return e -> {
                    TraceEdits.Rec r = e.get(i);
                    r.flags = 0;
                    return e.insert(i + 1, r).renumberTimes();
                };
            case INSERT_WRONG_READ:
                return e -> {
                    TraceEdits.Rec r = e.get(i);
                    r.flags = 0;
                    r.value[0] ^= 1;
                    return e.insert(i + 1, r).renumberTimes();
                };
            default:
                throw new IllegalArgumentException(kind.toString());
        }
    }

    /** The records mutated: all of them, or the first and last EDGE plus SAMPLE more drawn deterministically. */
    static int[] records(int n) {
        if (n <= SAMPLE + 2 * EDGE) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        TreeSet<Integer> chosen = new TreeSet<>();
        for (int i = 0; i < EDGE; i++) {
            chosen.add(i);
            chosen.add(n - 1 - i);
        }
        SplittableRandom rnd = new SplittableRandom(42);
        while (chosen.size() < SAMPLE + 2 * EDGE) {
            chosen.add(rnd.nextInt(n));
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private record Outcome(Kind kind, int record, boolean invalid, LocalCheck.Verdict verdict, String why) {
    }

    private <W extends Word<W>> void run(Subject<W> s, int rotation) throws Exception {
        long start = System.nanoTime();
        MachineCircuit<W> circuit = s.circuit();
        MemoryLayout layout = circuit.layout();
        Trace<W> trace = s.trace();
        assertNull(ReferenceRules.violation(trace, layout), "the oracle accepts the honest trace");
        Witness honest = circuit.witness(trace);
        CheckReport honestReport = circuit.check(honest, trace, s.mnemonics(), CheckOptions.defaults());
        honestReport.assertSatisfied();
        LocalCheck local = new LocalCheck(honest);

        // 1. Single changes to the trace, each rebuilt by the circuit's generator.
        int[] recs = records(trace.size());
        List<Kind> kinds = List.of(Kind.values());
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int i : recs) {
            for (Kind k : kinds) {
                UnaryOperator<TraceEdits<W>> edit = edit(k, trace, i, layout.wordSize());
                if (edit == null) {
                    continue;
                }
                futures.add(pool.submit(() -> {
                    Trace<W> m = edit.apply(TraceEdits.of(trace)).build();
                    String why = ReferenceRules.violation(m, layout);
                    LocalCheck.Verdict v = local.rebuilt(circuit.witnessBuilder(m));
                    return new Outcome(k, i, why != null, v, why);
                }));
            }
        }
        Map<Kind, int[]> byKind = new LinkedHashMap<>();   // made, invalid, killed invalid, valid accepted
        List<String> survivors = new ArrayList<>();
        List<String> overConstrained = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : futures) {
            Outcome o = get(f);
            outcomes.add(o);
            int[] c = byKind.computeIfAbsent(o.kind(), k -> new int[4]);
            c[0]++;
            if (o.invalid()) {
                c[1]++;
                if (o.verdict().rejected()) {
                    c[2]++;
                } else {
                    survivors.add(o.kind() + " at record " + o.record() + " (" + o.why() + ")");
                }
            } else if (!o.verdict().rejected()) {
                c[3]++;
            } else {
                overConstrained.add(o.kind() + " at record " + o.record() + " rejected by "
                        + o.verdict().failing() + o.verdict().builderError());
            }
        }

        // 2. The same verdicts from the full pipeline (commit, challenges, AUX, Checker) on a sample.
        List<String> disagreements = new ArrayList<>();
        Map<Kind, Integer> crossChecked = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            boolean pick = (o.kind().ordinal() + rotation) % 5 == 0 && !crossChecked.containsKey(o.kind())
                    && (o.invalid() || o.kind() == Kind.INSERT_READ);
            if (!pick) {
                continue;
            }
            crossChecked.put(o.kind(), o.record());
            Trace<W> m = edit(o.kind(), trace, o.record(), layout.wordSize()).apply(TraceEdits.of(trace)).build();
            CheckReport full = circuit.check(circuit.witness(m), m, s.mnemonics(), CheckOptions.defaults());
            Set<String> names = argumentNames(circuit.system(), full.failingConstraintNames());
            if (!names.equals(o.verdict().failing())) {
                disagreements.add(o.kind() + " at " + o.record() + ": full " + names + " vs local "
                        + o.verdict().failing());
            }
        }

        // 3. Sorted-copy cells, in place (old challenges) and rebuilt honestly.
        int[] sorted = sortedCellMutants(s, honest, local, trace.size(), disagreements);

        int made = 0;
        int invalid = 0;
        int killed = 0;
        int equivalent = 0;
        for (int[] c : byKind.values()) {
            made += c[0];
            invalid += c[1];
            killed += c[2];
            equivalent += c[3];
        }
        String line = String.format("%d records mutated of %d: %d trace mutants, %d invalid, %d killed, "
                        + "%d equivalent (valid logs, accepted); %d sorted-cell mutants, %d killed "
                        + "(%d in place, %d rebuilt); %d survivors; %.1f s",
                recs.length, trace.size(), made, invalid, killed, equivalent, sorted[0], sorted[1], sorted[2],
                sorted[3], survivors.size(), (System.nanoTime() - start) / 1e9);
        System.out.println(s.name() + ": " + (made + sorted[0]) + " mutants, " + (killed + sorted[1])
                + " killed, " + equivalent + " equivalent -- " + line);
        StringBuilder perKind = new StringBuilder();
        byKind.forEach((k, c) -> perKind.append(String.format("    %-20s made %5d invalid %5d killed %5d equivalent %5d%n",
                k, c[0], c[1], c[2], c[3])));
        System.out.print(perKind);
        SUMMARY.put(s.name(), line);
        survivors.stream().limit(20).forEach(x -> System.out.println("  SURVIVOR " + x));
        overConstrained.stream().limit(20).forEach(x -> System.out.println("  OVER-CONSTRAINED " + x));
        disagreements.stream().limit(20).forEach(x -> System.out.println("  DISAGREEMENT " + x));

        assertTrue(survivors.isEmpty(), survivors.size() + " invalid mutants pass the circuit, e.g. "
                + survivors.stream().limit(5).toList());
        assertTrue(overConstrained.isEmpty(), overConstrained.size() + " valid mutants are rejected, e.g. "
                + overConstrained.stream().limit(5).toList());
        assertTrue(disagreements.isEmpty(), "local and full verdicts differ: " + disagreements);
        assertEquals(invalid, killed);
        assertEquals(sorted[0], sorted[1], "every sorted-cell mutant is rejected");
    }

    /** Names of failing constraints, with each argument's constraints replaced by the argument's name. */
    static Set<String> argumentNames(ConstraintSystem cs, Set<String> failing) {
        Set<String> out = new TreeSet<>();
        for (String name : failing) {
            Constraint c = cs.constraint(name);
            out.add(c.argument() != null ? c.argument() : name);
        }
        return out;
    }

    /**
     * Every sorted column of the gadget, changed by +1 and by -1 at the first rows, the rows around
     * the trace's end and a sample of the rest; returns {made, killed, killed in place, killed rebuilt}.
     */
    private <W extends Word<W>> int[] sortedCellMutants(Subject<W> s, Witness honest, LocalCheck local, int records,
            List<String> disagreements) throws Exception {
        MemoryConsistency mem = s.circuit().memory();
        List<Column> columns = new ArrayList<>(List.of(mem.sortedTime, mem.sortedCell, mem.sortedRw, mem.same));
        columns.addAll(mem.sortedValue);
        columns.addAll(mem.deltaLimbs);
        int n = honest.rows();
        TreeSet<Integer> rows = new TreeSet<>();
        for (int r = 0; r < 5; r++) {
            rows.add(r);
            rows.add(n - 1 - r);
        }
        SplittableRandom rnd = new SplittableRandom(7);
        int range = Math.min(n, records + 64);
        while (rows.size() < Math.min(SORTED_ROWS, range)) {
            rows.add(rnd.nextInt(range));
        }
        rows.add(n / 2);
        List<int[]> edits = new ArrayList<>();   // column index in list, row, delta sign
        for (int c = 0; c < columns.size(); c++) {
            for (int r : rows) {
                edits.add(new int[] {c, r, 1});
                edits.add(new int[] {c, r, -1});
            }
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<int[]>> futures = new ArrayList<>();
        List<String> escaped = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                Witness w = honest.copy();
                WitnessBuilder b = s.circuit().witnessBuilder(s.trace());
                long[][] builderColumns = LocalCheck.columnsOf(b);
                int[] counts = new int[4];
                for (int k = next.getAndIncrement(); k < edits.size(); k = next.getAndIncrement()) {
                    int[] e = edits.get(k);
                    Column c = columns.get(e[0]);
                    int row = e[1];
                    long old = w.get(c, row);
                    long changed = dev.zkjvm.circuit.field.Goldilocks.add(old,
                            e[2] > 0 ? 1 : dev.zkjvm.circuit.field.Goldilocks.P - 1);
                    counts[0]++;
                    w.set(c, row, changed);
                    BitSet at = new BitSet();
                    at.set(row);
                    LocalCheck.Verdict inPlace = local.inPlace(w, at);
                    w.set(c, row, old);
                    builderColumns[c.index()][row] = changed;
                    LocalCheck.Verdict rebuilt = local.rebuilt(b, at);
                    builderColumns[c.index()][row] = old;
                    if (inPlace.rejected() && rebuilt.rejected()) {
                        counts[1]++;
                    } else {
                        escaped.add(c + " row " + row + (e[2] > 0 ? " +1" : " -1") + ": in place "
                                + inPlace.failing() + ", rebuilt " + rebuilt.failing());
                    }
                    if (inPlace.rejected()) {
                        counts[2]++;
                    }
                    if (rebuilt.rejected()) {
                        counts[3]++;
                    }
                }
                return counts;
            }));
        }
        int[] total = new int[4];
        for (Future<int[]> f : futures) {
            int[] c = get(f);
            for (int i = 0; i < 4; i++) {
                total[i] += c[i];
            }
        }
        escaped.stream().limit(20).forEach(x -> System.out.println("  SORTED SURVIVOR " + x));

        // Cross-check two sorted edits with the full pipeline: in place, then rebuilt.
        Checker checker = new Checker(honest.system());
        int row = Math.min(3, records - 1);
        for (Column c : List.of(mem.sortedValue.get(0), mem.sortedTime)) {
            Witness w = honest.copy();
            long changed = dev.zkjvm.circuit.field.Goldilocks.add(w.get(c, row), 1);
            w.set(c, row, changed);
            BitSet at = new BitSet();
            at.set(row);
            Set<String> full = checker.check(w).failingConstraintNames();
            Set<String> loc = local.inPlace(w, at).failing();
            if (!new TreeSet<>(full).equals(loc)) {
                disagreements.add("in place " + c + " row " + row + ": full " + full + " vs local " + loc);
            }
            WitnessBuilder b = s.circuit().witnessBuilder(s.trace());
            long[] col = LocalCheck.columnsOf(b)[c.index()].clone();
            col[row] = changed;
            b.set(c, col);
            Set<String> loc2 = local.rebuilt(b).failing();
            Set<String> full2 = argumentNames(honest.system(), checker.check(b.build()).failingConstraintNames());
            if (!full2.equals(loc2)) {
                disagreements.add("rebuilt " + c + " row " + row + ": full " + full2 + " vs local " + loc2);
            }
        }
        return total;
    }

    private static <T> T get(Future<T> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw e;
        }
    }

    @SuppressWarnings("unused")
    private static String names(Set<String> s) {
        return s.stream().collect(Collectors.joining(", "));
    }
}
