package dev.zkjvm.circuit.check;

import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.Exprs;
import dev.zkjvm.circuit.air.PublicSend;
import dev.zkjvm.circuit.eval.ColumnEvaluator;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.witness.Witness;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a system's public buses exactly, as multisets: on each bus, the tuples the rows send
 * (each {@code multiplicity} times) must be the statement's tuples. Names each unmatched tuple: a
 * row's send that the statement lacks, with the row, or a statement tuple no row sends.
 */
final class PublicSendCheck {
    static final String KIND = "public bus";

    /** What failed: unmatched tuples per bus, and the first few in detail. */
    record Result(Map<String, Long> counts, List<ArgumentIssue> issues) {
    }

    private PublicSendCheck() {
    }

    static Result check(ConstraintSystem system, Witness witness, StatementTuples statement, RowDescriber d,
            int maxIssues) {
        Map<String, List<PublicSend>> byBus = new LinkedHashMap<>();
        for (PublicSend s : system.publicSends()) {
            byBus.computeIfAbsent(s.bus(), b -> new ArrayList<>()).add(s);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        List<ArgumentIssue> issues = new ArrayList<>();
        for (String bus : statement.buses()) {
            if (!byBus.containsKey(bus)) {
                counts.put(bus, (long) statement.on(bus).size());
                issues.add(new ArgumentIssue(bus, KIND, -1, "the statement has " + statement.on(bus).size()
                        + " tuple(s) on bus " + bus + ", which no row of " + system.name() + " sends on"));
            }
        }
        for (Map.Entry<String, List<PublicSend>> e : byBus.entrySet()) {
            checkBus(e.getKey(), e.getValue(), witness, statement.on(e.getKey()), d, maxIssues, counts, issues);
        }
        return new Result(counts, issues);
    }

    private record Key(long[] tuple) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(tuple, k.tuple);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(tuple);
        }
    }

    private static void checkBus(String bus, List<PublicSend> sends, Witness witness, List<long[]> expected,
            RowDescriber d, int maxIssues, Map<String, Long> counts, List<ArgumentIssue> issues) {
        int n = witness.rows();
        long[][] columns = witness.columnsUnsafe();
        List<String> fields = sends.get(0).fields();
        // How often the statement still expects each tuple; sends take from it.
        Map<Key, Long> open = new HashMap<>();
        for (long[] t : expected) {
            open.merge(new Key(t), 1L, Long::sum);
        }
        Map<Key, Long> claimed = new HashMap<>(open);
        long unmatched = 0;
        for (PublicSend s : sends) {
            List<Expr> exprs = new ArrayList<>();
            exprs.add(s.multiplicity());
            exprs.addAll(s.tuple());
            long[][][] v = ColumnEvaluator.evaluate(exprs, columns, n, new Ext2[0]);
            for (int r = 0; r < n; r++) {
                long m = v[0][0][r];
                if (m == 0) {
                    continue;
                }
                long[] tuple = new long[fields.size()];
                for (int j = 0; j < tuple.length; j++) {
                    tuple[j] = v[1 + j][0][r];
                }
                Key k = new Key(tuple);
                long have = open.getOrDefault(k, 0L);
                if (m == 1 && have > 0) {
                    open.put(k, have - 1);
                    continue;
                }
                unmatched++;
                if (issues.size() < maxIssues) {
                    String why = m != 1 ? "sends " + format(bus, fields, tuple) + " " + Goldilocks.toSigned(m)
                            + " times (a row sends a tuple once or not at all)"
                            : "sends " + format(bus, fields, tuple) + (claimed.containsKey(k)
                            ? " more often than the statement has it" : ", which the statement does not have");
                    issues.add(new ArgumentIssue(bus, KIND, r, s.name() + " at row " + r + " " + why,
                            context(d, r, exprs)));
                }
            }
        }
        for (long[] t : expected) {
            Key k = new Key(t);
            long left = open.getOrDefault(k, 0L);
            if (left > 0) {
                open.put(k, left - 1);
                unmatched++;
                if (issues.size() < maxIssues) {
                    issues.add(new ArgumentIssue(bus, KIND, -1, "the statement has " + format(bus, fields, t)
                            + ", which no row sends"));
                }
            }
        }
        if (unmatched > 0) {
            counts.merge(bus, unmatched, Long::sum);
        }
    }

    private static String format(String bus, List<String> fields, long[] tuple) {
        StringBuilder sb = new StringBuilder(bus).append('(');
        for (int i = 0; i < tuple.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(fields.get(i)).append('=').append(ValueFormat.format(tuple[i]));
        }
        return sb.append(')').toString();
    }

    private static String context(RowDescriber d, int row, List<Expr> side) {
        if (d == null) {
            return null;
        }
        Set<Expr.Cell> cells = new LinkedHashSet<>();
        for (Expr e : side) {
            cells.addAll(Exprs.cells(e));
        }
        return d.describe(row, cells);
    }
}
