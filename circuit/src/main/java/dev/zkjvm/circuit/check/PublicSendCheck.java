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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a system's public buses exactly, as multisets: on each bus, the tuples the rows send,
 * less those they receive, must be the statement's tuples. Names each unmatched tuple: a row's
 * send that nothing receives, a row's receive that nothing sends, with the row, or a statement
 * tuple no row sends.
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

    /** Where a tuple was first sent or received, for the report. */
    private record Seen(String interaction, int row, List<Expr> exprs) {
    }

    private static void checkBus(String bus, List<PublicSend> shares, Witness witness, List<long[]> expected,
            RowDescriber d, int maxIssues, Map<String, Long> counts, List<ArgumentIssue> issues) {
        int n = witness.rows();
        long[][] columns = witness.columnsUnsafe();
        List<String> fields = shares.get(0).fields();
        // Each tuple's balance: +1 per row that sends it, -1 per row that receives it and per
        // statement tuple (the statement receives its tuples). Every balance must end at 0.
        Map<Key, Long> net = new LinkedHashMap<>();
        Map<Key, Seen> sentAt = new HashMap<>();
        Map<Key, Seen> receivedAt = new HashMap<>();
        Set<Key> inStatement = new HashSet<>();
        for (long[] t : expected) {
            Key k = new Key(t);
            net.merge(k, -1L, Long::sum);
            inStatement.add(k);
        }
        long unmatched = 0;
        for (PublicSend s : shares) {
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
                if (m != 1) {
                    unmatched++;
                    if (issues.size() < maxIssues) {
                        issues.add(new ArgumentIssue(bus, KIND, r, s.name() + " at row " + r + " "
                                + (s.receives() ? "receives " : "sends ") + format(bus, fields, tuple) + " "
                                + Goldilocks.toSigned(m) + " times (a row takes part once or not at all)",
                                context(d, r, exprs)));
                    }
                    continue;
                }
                Key k = new Key(tuple);
                net.merge(k, s.receives() ? -1L : 1L, Long::sum);
                (s.receives() ? receivedAt : sentAt).putIfAbsent(k, new Seen(s.name(), r, exprs));
            }
        }
        for (Map.Entry<Key, Long> e : net.entrySet()) {
            long balance = e.getValue();
            if (balance == 0) {
                continue;
            }
            Key k = e.getKey();
            unmatched += Math.abs(balance);
            if (issues.size() >= maxIssues) {
                continue;
            }
            String tuple = format(bus, fields, k.tuple());
            Seen sent = sentAt.get(k);
            Seen received = receivedAt.get(k);
            if (balance > 0) {
                String why = inStatement.contains(k) || received != null
                        ? " more often than it is received" + (inStatement.contains(k) ? " (the statement has it)" : "")
                        : shares.stream().anyMatch(PublicSend::receives)
                        ? ", which no row receives and the statement does not have"
                        : ", which the statement does not have";
                issues.add(new ArgumentIssue(bus, KIND, sent.row(), sent.interaction() + " at row " + sent.row()
                        + " sends " + tuple + why, context(d, sent.row(), sent.exprs())));
            } else if (received != null) {
                issues.add(new ArgumentIssue(bus, KIND, received.row(), received.interaction() + " at row "
                        + received.row() + " receives " + tuple + ", which no row sends as often",
                        context(d, received.row(), received.exprs())));
            } else {
                issues.add(new ArgumentIssue(bus, KIND, -1, "the statement has " + tuple + ", which no row sends"
                        + (sent != null ? " as often" : "")));
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
