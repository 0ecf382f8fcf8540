package dev.zkjvm.circuit.tables.check;

import dev.zkjvm.circuit.field.Goldilocks;
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
 * @param sent the multiplicities of all its sends, summed (a field element)
 * @param received the multiplicities of all its receives, summed (a field element)
 */
public record UnmatchedTuple(String bus, String tuple, long[] values, long excess, List<Occurrence> occurrences,
        long occurrenceCount, long sent, long received) {
    /** Copies. */
    public UnmatchedTuple {
        values = values.clone();
        occurrences = List.copyOf(occurrences);
    }

    @Override
    public long[] values() {
        return values.clone();
    }

    /**
     * How the multiplicities fail to cancel, e.g. {@code received 1 more time than sent (1 send
     * missing or 1 receive extra)}; an excess that is no small count is given as the field element.
     */
    public String imbalance() {
        long s = Goldilocks.toSigned(excess);
        if (s > 0 && s < 1L << 32) {
            return "sent " + times(s) + " than received (" + count(s, "receive") + " missing or " + count(s, "send")
                    + " extra)";
        }
        if (s < 0 && s > -(1L << 32)) {
            return "received " + times(-s) + " than sent (" + count(-s, "send") + " missing or "
                    + count(-s, "receive") + " extra)";
        }
        return "sent minus received is " + Values.format(excess) + " (a field element, no small count)";
    }

    private static String times(long k) {
        return k + (k == 1 ? " more time" : " more times");
    }

    private static String count(long k, String what) {
        return k + " " + what + (k == 1 ? "" : "s");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("bus ").append(bus).append(": ").append(tuple).append(" sent ")
                .append(Values.format(sent)).append(" x, received ").append(Values.format(received))
                .append(" x: ").append(imbalance());
        for (Occurrence o : occurrences) {
            sb.append("\n    ").append(o);
        }
        if (occurrenceCount > occurrences.size()) {
            sb.append("\n    ... and ").append(occurrenceCount - occurrences.size()).append(" more rows");
        }
        return sb.toString();
    }
}
