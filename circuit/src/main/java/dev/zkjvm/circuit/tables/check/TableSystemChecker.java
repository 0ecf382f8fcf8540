package dev.zkjvm.circuit.tables.check;

import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.check.Failure;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.tables.logup.BusBalance;
import dev.zkjvm.circuit.tables.logup.BusChallenges;
import dev.zkjvm.circuit.tables.logup.LogupWitness;
import dev.zkjvm.circuit.tables.logup.MainCommitments;
import dev.zkjvm.circuit.tables.logup.TableAir;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.TableSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact check of a table system: every table's row constraints on its own rows, every bus as a
 * multiset (see {@link BusCheck}). Without challenges, so nothing is left to chance: a trace passes
 * exactly when every constraint holds and every tuple's multiplicities cancel. Compiles the
 * constraints once; immutable and reusable.
 */
public final class TableSystemChecker {
    private static final Ext2[] NO_CHALLENGES = new Ext2[0];

    private final TableSystem system;
    private final List<RowConstraints> tables = new ArrayList<>();
    private final List<TableAir> airs;
    /** Per table: its LogUp constraints only (the table's own are checked by the exact check). */
    private final List<RowConstraints> logup = new ArrayList<>();

    /** Compiles the row constraints of every table of {@code system}, and their LogUp constraints. */
    public TableSystemChecker(TableSystem system) {
        this.system = system;
        this.airs = LogupWitness.airs(system);
        for (Table t : system.tables()) {
            tables.add(new RowConstraints(t.name(), t.air().constraints()));
            TableAir air = airs.get(t.index());
            List<Constraint> own = air.constraints().subList(t.air().constraints().size(), air.constraints().size());
            logup.add(new RowConstraints(t.name(), air.constraints(), own));
        }
    }

    /** The system checked. */
    public TableSystem system() {
        return system;
    }

    /** Checks with no public tuple and default options. */
    public TableSystemReport check(SystemTrace trace) {
        return check(trace, PublicTuples.NONE, TableCheckOptions.defaults());
    }

    /** Checks with the statement's public tuples and default options. */
    public TableSystemReport check(SystemTrace trace, PublicTuples publicTuples) {
        return check(trace, publicTuples, TableCheckOptions.defaults());
    }

    /** Evaluates every row constraint and counts every bus. */
    public TableSystemReport check(SystemTrace trace, PublicTuples publicTuples, TableCheckOptions options) {
        if (trace.system() != system) {
            throw new IllegalArgumentException("trace is for table system " + trace.system().name()
                    + ", not for this checker's " + system.name());
        }
        publicTuples.checkBelongsTo(system);
        Map<String, Integer> heights = new LinkedHashMap<>();
        List<RowFailure> failures = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Table t : system.tables()) {
            int n = trace.height(t);
            heights.put(t.name(), n);
            RowConstraints.Outcome o = tables.get(t.index()).check(trace.columnsUnsafe(t.index()), n, NO_CHALLENGES,
                    options.maxFailures(), options.parallelism());
            collect(t, t.air().constraints(), o, counts, failures, options);
        }
        BusCheck.Outcome buses = BusCheck.check(system, trace, publicTuples, options);
        return new TableSystemReport(system.name(), heights, failures, counts, buses.unmatched(),
                buses.unmatchedCount(), buses.interactions());
    }

    /**
     * The full check: the exact check, then the LogUp columns built (challenges drawn by
     * {@link MainCommitments}) and evaluated, with each table's own share.
     */
    public FullCheckReport checkFull(SystemTrace trace, PublicTuples publicTuples, TableCheckOptions options) {
        TableSystemReport exact = check(trace, publicTuples, options);
        BusChallenges challenges = MainCommitments.draw(trace, publicTuples, HashAlgorithm.DEFAULT);
        LogupWitness w = LogupWitness.build(airs, trace, challenges);
        return evaluateArguments(exact, w, w.shares(), publicTuples, options);
    }

    /**
     * Evaluates the LogUp constraints of a built witness against claimed shares (which an honest
     * prover takes from the witness) and their balance with the public tuples.
     */
    public FullCheckReport evaluateArguments(TableSystemReport exact, LogupWitness w, Ext2[] claimedShares,
            PublicTuples publicTuples, TableCheckOptions options) {
        if (claimedShares.length != system.tables().size()) {
            throw new IllegalArgumentException(claimedShares.length + " shares for " + system.tables().size()
                    + " tables");
        }
        List<RowFailure> failures = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Table t : system.tables()) {
            int n = exact.heights().get(t.name());
            Ext2[] values = TableAir.challengeValues(w.challenges(), claimedShares[t.index()], n);
            RowConstraints.Outcome o = logup.get(t.index()).check(w.columnsUnsafe(t.index()), n, values,
                    options.maxFailures(), options.parallelism());
            collect(t, airs.get(t.index()).constraints(), o, counts, failures, options);
        }
        Ext2 imbalance = BusBalance.imbalance(claimedShares, publicTuples, w.challenges());
        return new FullCheckReport(exact, failures, counts, imbalance);
    }

    /** Adds one table's failing counts (as {@code table.constraint}) and first failures to the totals. */
    private static void collect(Table t, List<Constraint> cs, RowConstraints.Outcome o, Map<String, Long> counts,
            List<RowFailure> failures, TableCheckOptions options) {
        for (int i = 0; i < cs.size(); i++) {
            if (o.counts()[i] > 0) {
                counts.put(t.name() + "." + cs.get(i).name(), o.counts()[i]);
            }
        }
        for (RowFailure f : o.failures()) {
            if (failures.size() < options.maxFailures()) {
                Failure x = f.failure();
                String context = options.rowNames().describe(t.name(), x.row());
                failures.add(context == null ? f : new RowFailure(f.table(), new Failure(x.constraint(),
                        x.polynomial(), x.kind(), x.row(), x.cells(), context, x.argument())));
            }
        }
    }
}
