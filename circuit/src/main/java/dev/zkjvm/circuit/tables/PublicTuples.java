package dev.zkjvm.circuit.tables;

import dev.zkjvm.circuit.field.Goldilocks;
import java.util.ArrayList;
import java.util.List;

/**
 * The public side of a statement's buses: tuples that the statement itself sends or receives
 * (public inputs, outputs, initial and final states). The checker counts them like table rows; a
 * verifier computes the bus's public value from them. Immutable once built.
 */
public final class PublicTuples {
    /**
     * One public tuple.
     *
     * @param bus the bus
     * @param direction sent by the statement (consumed by some table) or received
     * @param multiplicity canonical field element
     * @param tuple canonical values, one per bus field
     */
    public record Entry(Bus bus, Direction direction, long multiplicity, long[] tuple) {
        /** Validates. */
        public Entry {
            tuple = tuple.clone();
            if (tuple.length != bus.width()) {
                throw new IllegalArgumentException("bus " + bus.name() + " carries " + bus.width() + " fields, the"
                        + " public tuple has " + tuple.length);
            }
            if (!Goldilocks.isCanonical(multiplicity)) {
                throw new IllegalArgumentException("multiplicity not canonical: " + Long.toUnsignedString(multiplicity));
            }
            for (long v : tuple) {
                if (!Goldilocks.isCanonical(v)) {
                    throw new IllegalArgumentException("value not canonical: " + Long.toUnsignedString(v));
                }
            }
        }

        @Override
        public long[] tuple() {
            return tuple.clone();
        }

        @Override
        public String toString() {
            return "public " + direction.verb() + " " + bus.format(tuple) + " x " + Values.format(multiplicity);
        }
    }

    /** No public tuple. */
    public static final PublicTuples NONE = new PublicTuples(List.of());

    private final List<Entry> entries;
    /** Words the statement is bound to that no bus carries; see {@link #withContext}. */
    private final long[] context;

    private PublicTuples(List<Entry> entries) {
        this(entries, new long[0]);
    }

    private PublicTuples(List<Entry> entries, long[] context) {
        this.entries = List.copyOf(entries);
        this.context = context;
    }

    /** The given entries. */
    public static PublicTuples of(List<Entry> entries) {
        return new PublicTuples(entries);
    }

    /** A single public tuple added to these. */
    public PublicTuples with(Bus bus, Direction direction, long multiplicity, long... tuple) {
        List<Entry> e = new ArrayList<>(entries);
        e.add(new Entry(bus, direction, multiplicity, tuple));
        return new PublicTuples(e, context);
    }

    /** These entries followed by {@code more}. */
    public PublicTuples withAll(List<Entry> more) {
        List<Entry> e = new ArrayList<>(entries.size() + more.size());
        e.addAll(entries);
        e.addAll(more);
        return new PublicTuples(e, context);
    }

    /**
     * These tuples bound to {@code words} as well: canonical field elements that the transcript
     * absorbs with the tuples and no bus carries, such as which segment of which run a proof is. A
     * proof made with one context verifies under no other.
     */
    public PublicTuples withContext(long... words) {
        for (long v : words) {
            if (!Goldilocks.isCanonical(v)) {
                throw new IllegalArgumentException("context word not canonical: " + Long.toUnsignedString(v));
            }
        }
        return new PublicTuples(entries, words.clone());
    }

    /** The context words ({@link #withContext}); empty unless set. */
    public long[] context() {
        return context.clone();
    }

    /** Every entry, in order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The entries on one bus, in order. */
    public List<Entry> on(Bus bus) {
        return entries.stream().filter(e -> e.bus().equals(bus)).toList();
    }

    /**
     * All entries as field elements: per entry bus index, direction (0 send, 1 receive), multiplicity
     * and tuple. A transcript absorbs this, so that challenges depend on the statement.
     */
    public long[] encode() {
        List<Long> out = new ArrayList<>();
        out.add((long) entries.size());
        for (Entry e : entries) {
            out.add((long) e.bus().index());
            out.add((long) e.direction().ordinal());
            out.add(e.multiplicity());
            for (long v : e.tuple) {
                out.add(v);
            }
        }
        // after the self-delimiting entries, so that tuples without a context encode as before
        if (context.length > 0) {
            out.add((long) context.length);
            for (long v : context) {
                out.add(v);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** Checks that every entry's bus belongs to {@code system}. */
    public void checkBelongsTo(TableSystem system) {
        for (Entry e : entries) {
            Bus b = e.bus();
            if (b.index() >= system.buses().size() || !system.buses().get(b.index()).equals(b)) {
                throw new IllegalArgumentException("public tuple on bus " + b.name() + ", which is not a bus of "
                        + system.name());
            }
        }
    }
}
