package dev.zkjvm.circuit.tables.check;

import dev.zkjvm.circuit.field.Ext2;
import java.util.List;
import java.util.Map;

/**
 * The full check: the exact check, and the challenge-dependent LogUp columns evaluated too (their
 * constraints on every row, and the balance of the tables' shares against the public tuples). It
 * tests the witness builder: on an honest trace all of it holds; on a trace whose buses do not
 * balance the LogUp constraints still hold (the columns are built faithfully) and the imbalance is
 * non-zero.
 *
 * @param exact the exact check
 * @param argumentFailures the first failures of the LogUp constraints, by table then row
 * @param argumentFailureCounts failing rows per {@code table.constraint}
 * @param imbalance the claimed shares plus the public value: zero when the buses balance
 */
public record FullCheckReport(TableSystemReport exact, List<RowFailure> argumentFailures,
        Map<String, Long> argumentFailureCounts, Ext2 imbalance) {
    /** Copies. */
    public FullCheckReport {
        argumentFailures = List.copyOf(argumentFailures);
        argumentFailureCounts = java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(argumentFailureCounts));
    }

    /** Whether the LogUp columns satisfy their constraints and the shares balance. */
    public boolean argumentsHold() {
        return argumentFailureCounts.isEmpty() && imbalance.isZero();
    }

    /** Whether everything holds. */
    public boolean isSatisfied() {
        return exact.isSatisfied() && argumentsHold();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(exact.toString());
        if (!argumentsHold()) {
            sb.append("\nLogUp columns: ").append(argumentFailureCounts.values().stream().mapToLong(Long::longValue)
                    .sum()).append(" failing rows");
            for (RowFailure f : argumentFailures) {
                sb.append("\n  ").append(f);
            }
            if (!imbalance.isZero()) {
                sb.append("\n  the tables' shares and the public value add up to ").append(imbalance)
                        .append(", not zero");
            }
        }
        return sb.toString();
    }
}
