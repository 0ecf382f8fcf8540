package dev.zkjvm.circuit.check;

import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.Exprs;
import dev.zkjvm.circuit.air.Lookup;
import dev.zkjvm.circuit.air.Permutation;
import dev.zkjvm.circuit.air.RangeBatch;
import dev.zkjvm.circuit.eval.BlockEvaluator;
import dev.zkjvm.circuit.eval.Program;
import dev.zkjvm.circuit.eval.ProgramCompiler;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.util.Parallel;
import dev.zkjvm.circuit.witness.RangeInverses;
import dev.zkjvm.circuit.witness.Witness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates every constraint of a {@link ConstraintSystem} on every row it applies to and reports
 * what fails.
 *
 * <p>The constraints are compiled once (in the constructor) into three flat programs: every-row and
 * transition constraints for rows 0..n-2, every-row and last-row constraints for row n-1, and
 * first-row constraints for row 0. The bulk program runs over blocks of
 * {@value dev.zkjvm.circuit.eval.BlockEvaluator#BLOCK} rows on a dedicated pool with one worker per
 * processor. A checker is immutable and can check many witnesses, also concurrently.
 */
public final class Checker {
    private static final int CHUNK_BLOCKS = 16;

    private final ConstraintSystem system;
    private final Program bulk;
    /** The bulk program without the permutation steps that {@link PermutationSteps} checks. */
    private final Program bulkWithoutPermutationSteps;
    /**
     * As {@link #bulkWithoutPermutationSteps}, also without the range-lookup steps that
     * {@link RangeLookupSteps} checks and the range-batch helpers and steps that
     * {@link RangeBatchSteps} checks.
     */
    private final Program bulkWithoutRangeSteps;
    private final List<PermutationSteps.Step> permutationSteps;
    private final List<RangeLookupSteps.Step> rangeSteps;
    private final List<RangeBatchSteps.Batch> batchSteps;
    private final Program lastRow;
    private final Program firstRow;
    private final List<List<Expr.Cell>> cellsRead;

    /** Compiles the constraints of {@code system}. */
    public Checker(ConstraintSystem system) {
        this.system = system;
        List<Constraint> bulkCs = new ArrayList<>();
        List<Constraint> lastCs = new ArrayList<>();
        List<Constraint> firstCs = new ArrayList<>();
        this.cellsRead = new ArrayList<>();
        for (Constraint c : system.constraints()) {
            switch (c.kind()) {
                case EVERY_ROW:
                    bulkCs.add(c);
                    lastCs.add(c);
                    break;
                case TRANSITION:
                    bulkCs.add(c);
                    break;
                case LAST_ROW:
                    lastCs.add(c);
                    break;
                case FIRST_ROW:
                    firstCs.add(c);
                    break;
                default:
                    throw new IllegalStateException(c.kind().toString());
            }
            cellsRead.add(List.copyOf(Exprs.cells(c.expr())));
        }
        this.bulk = ProgramCompiler.compileChecks(bulkCs);
        this.rangeSteps = RangeLookupSteps.find(system);
        this.batchSteps = RangeBatchSteps.find(system);
        this.permutationSteps = PermutationSteps.find(system);
        // The permutation steps are always checked apart (an exact evaluation of the same
        // polynomial); the range shortcuts only when every α lies outside the base field.
        Set<Integer> permutation = new java.util.HashSet<>();
        for (PermutationSteps.Step s : permutationSteps) {
            permutation.add(s.constraint());
        }
        Set<Integer> shortcut = new java.util.HashSet<>(permutation);
        for (RangeLookupSteps.Step s : rangeSteps) {
            shortcut.add(s.constraint());
        }
        for (RangeBatchSteps.Batch b : batchSteps) {
            shortcut.add(b.step());
            for (int h : b.helpers()) {
                shortcut.add(h);
            }
        }
        this.bulkWithoutPermutationSteps = ProgramCompiler.compileChecks(
                bulkCs.stream().filter(c -> !permutation.contains(c.index())).toList());
        this.bulkWithoutRangeSteps = ProgramCompiler.compileChecks(
                bulkCs.stream().filter(c -> !shortcut.contains(c.index())).toList());
        this.lastRow = ProgramCompiler.compileChecks(lastCs);
        this.firstRow = ProgramCompiler.compileChecks(firstCs);
    }

    /** The system this checker evaluates. */
    public ConstraintSystem system() {
        return system;
    }

    /** The compiled program for rows 0..n-2 (for inspection and benchmarks). */
    public Program bulkProgram() {
        return bulk;
    }

    /** Checks with {@link CheckOptions#defaults()}. */
    public CheckReport check(Witness witness) {
        return check(witness, CheckOptions.defaults());
    }

    /** Checks with a row-context function and otherwise default options. */
    public CheckReport check(Witness witness, java.util.function.IntFunction<String> context) {
        return check(witness, CheckOptions.defaults().withContext(context));
    }

    /** Evaluates every constraint on every row and builds the report. */
    public CheckReport check(Witness witness, CheckOptions options) {
        if (witness.system() != system) {
            throw new IllegalArgumentException("witness was built for " + witness.system().name()
                    + ", not for this checker's system " + system.name());
        }
        int n = witness.rows();
        long[][] columns = witness.columnsUnsafe();
        Ext2[] challenges = witness.challengeValues();
        int nc = system.constraints().size();
        int cap = options.maxFailures();

        FailureCollector all = new FailureCollector(nc, cap);
        int bulkRows = n - 1;
        int chunkRows = CHUNK_BLOCKS * BlockEvaluator.BLOCK;
        int chunks = (bulkRows + chunkRows - 1) / chunkRows;
        // Range-lookup steps and range batches take the inverse-table shortcut unless some α is a
        // base element.
        boolean shortcut = (!rangeSteps.isEmpty() || !batchSteps.isEmpty())
                && RangeLookupSteps.applicable(rangeSteps, challenges) && outsideBaseField(challenges);
        List<RangeLookupSteps.Step> steps = shortcut ? rangeSteps : List.of();
        List<RangeBatchSteps.Batch> batches = shortcut ? batchSteps : List.of();
        Program program = shortcut ? bulkWithoutRangeSteps : bulkWithoutPermutationSteps;
        PermutationSteps.Factors[] factors = new PermutationSteps.Factors[permutationSteps.size()];
        for (int i = 0; i < factors.length; i++) {
            factors[i] = PermutationSteps.Factors.of(permutationSteps.get(i), challenges);
        }
        long[][] inverses = new long[steps.size()][];
        Parallel.forChunks(steps.size(), options.parallelism(), () -> null,
                (ignored, i) -> inverses[i] = RangeLookupSteps.inverses(steps.get(i), challenges));
        RangeInverses[] batchInverses = new RangeInverses[batches.size()];
        for (int i = 0; i < batches.size(); i++) {
            RangeBatch rb = batches.get(i).batch();
            batchInverses[i] = RangeInverses.of(challenges[rb.alpha().index()], rb.size());
        }
        List<Worker> workers = Parallel.forChunks(chunks, options.parallelism(),
                () -> new Worker(new BlockEvaluator(program, columns, challenges), new FailureCollector(nc, cap)),
                (w, chunk) -> {
                    int end = Math.min(bulkRows, (chunk + 1) * chunkRows);
                    for (int from = chunk * chunkRows; from < end; from += BlockEvaluator.BLOCK) {
                        int len = Math.min(BlockEvaluator.BLOCK, end - from);
                        w.evaluator.run(from, len, w.collector);
                        for (int i = 0; i < factors.length; i++) {
                            PermutationSteps.check(permutationSteps.get(i), factors[i], columns, from, len, w.collector);
                        }
                        for (int i = 0; i < steps.size(); i++) {
                            RangeLookupSteps.Step s = steps.get(i);
                            Ext2 alpha = challenges[s.alpha()];
                            RangeLookupSteps.check(s, inverses[i], alpha.c0(), alpha.c1(), columns, from, len,
                                    w.collector);
                        }
                        for (int i = 0; i < batches.size(); i++) {
                            RangeBatchSteps.check(batches.get(i), batchInverses[i], columns, from, len, w.collector);
                        }
                    }
                });
        for (Worker w : workers) {
            all.merge(w.collector);
        }
        new BlockEvaluator(firstRow, columns, challenges).run(0, 1, all);
        new BlockEvaluator(lastRow, columns, challenges).run(n - 1, 1, all);
        return report(witness, all, options);
    }

    /** Whether the α of every range batch the shortcut checks lies outside the base field. */
    private boolean outsideBaseField(Ext2[] challenges) {
        for (RangeBatchSteps.Batch b : batchSteps) {
            Ext2 a = challenges[b.batch().alpha().index()];
            if (a == null || a.c1() == 0) {
                return false;
            }
        }
        return true;
    }

    private record Worker(BlockEvaluator evaluator, FailureCollector collector) {
    }

    private CheckReport report(Witness witness, FailureCollector all, CheckOptions options) {
        List<Constraint> cs = system.constraints();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Constraint c : cs) {
            if (all.counts[c.index()] > 0) {
                counts.put(c.name(), all.counts[c.index()]);
            }
        }
        long[][] columns = witness.columnsUnsafe();
        List<Failure> failures = new ArrayList<>();
        for (long key : all.sortedKeys()) {
            int row = FailureCollector.row(key);
            Constraint c = cs.get(FailureCollector.constraint(key));
            Map<String, Long> cells = new LinkedHashMap<>();
            for (Expr.Cell cell : cellsRead.get(c.index())) {
                int r = cell.next() ? row + 1 : row;
                String name = cell.column().name() + (cell.next() ? "'" : "");
                cells.put(name, columns[cell.column().index()][r]);
            }
            String context = options.context() == null ? null : options.context().describe(row, cellsRead.get(c.index()));
            failures.add(new Failure(c.name(), c.polynomial(), c.kind(), row, cells, context, c.argument()));
        }
        List<ArgumentIssue> issues = new ArrayList<>();
        Set<String> failing = counts.keySet();
        for (Lookup l : system.lookups()) {
            if (l.constraints().stream().anyMatch(c -> failing.contains(c.name()))) {
                issues.addAll(ArgumentDiagnostics.lookup(system, l, witness, options.context()));
            }
        }
        for (RangeBatch rb : system.rangeBatches()) {
            if (rb.constraints().stream().anyMatch(c -> failing.contains(c.name()))) {
                issues.addAll(ArgumentDiagnostics.rangeBatch(rb, witness, options.context()));
            }
        }
        for (Permutation p : system.permutations()) {
            if (p.constraints().stream().anyMatch(c -> failing.contains(c.name()))) {
                issues.addAll(ArgumentDiagnostics.permutation(p, witness, options.context()));
            }
        }
        if (!system.publicSends().isEmpty() || !options.statementOrNone().buses().isEmpty()) {
            PublicSendCheck.Result buses = PublicSendCheck.check(system, witness, options.statementOrNone(),
                    options.context(), options.maxFailures());
            buses.counts().forEach((bus, k) -> counts.merge(bus, k, Long::sum));
            issues.addAll(buses.issues());
        }
        return new CheckReport(system.name(), witness.rows(), cs.size(), failures, counts, issues);
    }
}
