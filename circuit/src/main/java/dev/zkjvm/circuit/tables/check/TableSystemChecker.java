package dev.zkjvm.circuit.tables.check;

import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.field.Ext2;
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

    /** Compiles the row constraints of every table of {@code system}. */
    public TableSystemChecker(TableSystem system) {
        this.system = system;
        for (Table t : system.tables()) {
            tables.add(new RowConstraints(t.name(), t.air().constraints()));
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
            List<Constraint> cs = t.air().constraints();
            for (int i = 0; i < cs.size(); i++) {
                if (o.counts()[i] > 0) {
                    counts.put(t.name() + "." + cs.get(i).name(), o.counts()[i]);
                }
            }
            for (RowFailure f : o.failures()) {
                if (failures.size() < options.maxFailures()) {
                    failures.add(f);
                }
            }
        }
        BusCheck.Outcome buses = BusCheck.check(system, trace, publicTuples, options);
        return new TableSystemReport(system.name(), heights, failures, counts, buses.unmatched(),
                buses.unmatchedCount(), buses.interactions());
    }
}
