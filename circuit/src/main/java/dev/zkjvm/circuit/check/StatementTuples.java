package dev.zkjvm.circuit.check;

import dev.zkjvm.circuit.field.Goldilocks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statement's side of a system's public buses ({@link dev.zkjvm.circuit.air.PublicSend}): per
 * bus, the tuples the statement receives, each once. A check holds the rows' public sends to
 * exactly these. Immutable.
 */
public final class StatementTuples {
    /** A statement that receives nothing. */
    public static final StatementTuples NONE = new StatementTuples(Map.of());

    private final Map<String, List<long[]>> byBus;

    private StatementTuples(Map<String, List<long[]>> byBus) {
        this.byBus = byBus;
    }

    /** These tuples with {@code tuple} added on {@code bus}. */
    public StatementTuples with(String bus, long... tuple) {
        for (long v : tuple) {
            if (!Goldilocks.isCanonical(v)) {
                throw new IllegalArgumentException("value not canonical: " + Long.toUnsignedString(v));
            }
        }
        Map<String, List<long[]>> copy = new LinkedHashMap<>(byBus);
        List<long[]> list = new ArrayList<>(copy.getOrDefault(bus, List.of()));
        list.add(tuple.clone());
        copy.put(bus, List.copyOf(list));
        return new StatementTuples(java.util.Collections.unmodifiableMap(copy));
    }

    /** The tuples on {@code bus}, in the order added (copies). */
    public List<long[]> on(String bus) {
        return byBus.getOrDefault(bus, List.of()).stream().map(long[]::clone).toList();
    }

    /** The buses with at least one tuple. */
    public java.util.Set<String> buses() {
        return byBus.keySet();
    }
}
