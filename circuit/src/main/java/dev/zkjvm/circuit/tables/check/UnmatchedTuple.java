package dev.zkjvm.circuit.tables.check;

import dev.zkjvm.circuit.tables.Values;
import java.util.List;

/**
 * A tuple whose multiplicities on a bus do not cancel: sent more often than received, or the other
 * way round.
 *
 * @param bus the bus's name
 * @param tuple the tuple with its field names, e.g. {@code mem(addr=5, value=7)}
 * @param values the tuple's values
 * @param excess sent minus received, a non-zero field element
 * @param occurrences the first rows that send or receive it
 * @param occurrenceCount how many rows send or receive it in all
 */
public record UnmatchedTuple(String bus, String tuple, long[] values, long excess, List<Occurrence> occurrences,
        long occurrenceCount) {
    /** Copies. */
    public UnmatchedTuple {
        values = values.clone();
        occurrences = List.copyOf(occurrences);
    }

    @Override
    public long[] values() {
        return values.clone();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("bus ").append(bus).append(": ").append(tuple).append(" sent ")
                .append(Values.format(excess)).append(" more times than received");
        for (Occurrence o : occurrences) {
            sb.append("\n    ").append(o);
        }
        if (occurrenceCount > occurrences.size()) {
            sb.append("\n    ... and ").append(occurrenceCount - occurrences.size()).append(" more rows");
        }
        return sb.toString();
    }
}
