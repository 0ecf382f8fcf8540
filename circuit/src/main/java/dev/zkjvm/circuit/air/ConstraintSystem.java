package dev.zkjvm.circuit.air;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An immutable AIR: named columns in phases, named constraints, lookups and permutations, all as
 * data. Create one with {@link #builder(String)}; fill a witness for it with
 * {@code dev.zkjvm.circuit.witness.WitnessBuilder} and evaluate it with
 * {@code dev.zkjvm.circuit.check.Checker}.
 */
public final class ConstraintSystem {
    private final String name;
    private final List<Column> columns;
    private final List<ExtColumn> extColumns;
    private final List<Challenge> challenges;
    private final List<Constraint> constraints;
    private final List<Lookup> lookups;
    private final List<Permutation> permutations;
    private final List<RangeBatch> rangeBatches;
    private final List<PublicSend> publicSends;
    private final Map<Column, FixedValues> fixedValues;
    private final String description;

    ConstraintSystem(String name, List<Column> columns, List<ExtColumn> extColumns, List<Challenge> challenges,
            List<Constraint> constraints, List<Lookup> lookups, List<Permutation> permutations,
            List<RangeBatch> rangeBatches, List<PublicSend> publicSends, Map<Column, FixedValues> fixedValues) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.extColumns = List.copyOf(extColumns);
        this.challenges = List.copyOf(challenges);
        this.constraints = List.copyOf(constraints);
        this.lookups = List.copyOf(lookups);
        this.permutations = List.copyOf(permutations);
        this.rangeBatches = List.copyOf(rangeBatches);
        this.publicSends = List.copyOf(publicSends);
        this.fixedValues = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fixedValues));
        this.description = buildDescription();
    }

    /** Starts declaring a constraint system with the given name. */
    public static ConstraintSystemBuilder builder(String name) {
        return new ConstraintSystemBuilder(name);
    }

    /** The system's name (part of the transcript's domain separation). */
    public String name() {
        return name;
    }

    /** All base columns, in witness order ({@code columns().get(i).index() == i}). */
    public List<Column> columns() {
        return columns;
    }

    /** The columns of one phase, in witness order. */
    public List<Column> columns(Phase phase) {
        return columns.stream().filter(c -> c.phase() == phase).collect(Collectors.toUnmodifiableList());
    }

    /** The extension-field columns (each backed by two base AUX columns). */
    public List<ExtColumn> extColumns() {
        return extColumns;
    }

    /** The challenges in drawing order. */
    public List<Challenge> challenges() {
        return challenges;
    }

    /** All constraints (user-declared and argument-generated), in declaration order. */
    public List<Constraint> constraints() {
        return constraints;
    }

    /** The lookups. */
    public List<Lookup> lookups() {
        return lookups;
    }

    /** The permutations. */
    public List<Permutation> permutations() {
        return permutations;
    }

    /** The tuples the trace sends to the statement ({@link PublicSend}), in declaration order. */
    public List<PublicSend> publicSends() {
        return publicSends;
    }

    /** The batched range checks, one per range width in use. */
    public List<RangeBatch> rangeBatches() {
        return rangeBatches;
    }

    /** Every range check the system declares (the inputs of all {@link #rangeBatches()}). */
    public List<RangeCheck> rangeChecks() {
        return rangeBatches.stream().flatMap(b -> b.inputs().stream()).toList();
    }

    /** The generator of a FIXED column. */
    public FixedValues fixedValues(Column c) {
        FixedValues v = fixedValues.get(c);
        if (v == null) {
            throw new IllegalArgumentException("not a fixed column of " + name + ": " + c);
        }
        return v;
    }

    /** Finds a column by name. */
    public Column column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + columnName + " in " + name));
    }

    /** Finds a constraint by name. */
    public Constraint constraint(String constraintName) {
        return constraints.stream().filter(c -> c.name().equals(constraintName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no constraint " + constraintName + " in " + name));
    }

    /** The largest constraint degree (0 without constraints). */
    public int maxDegree() {
        return constraints.stream().mapToInt(Constraint::degree).max().orElse(0);
    }

    /** The smallest trace length that holds every fixed column (at least 2). */
    public int minRows() {
        return Math.max(2, fixedValues.values().stream().mapToInt(FixedValues::minRows).max().orElse(0));
    }

    /**
     * A canonical multi-line description of everything that defines the system: columns with
     * phases and fixed contents, challenges and every constraint. The transcript absorbs it, so two
     * different systems never share challenges.
     */
    public String describe() {
        return description;
    }

    private String buildDescription() {
        StringBuilder sb = new StringBuilder();
        sb.append("constraint system ").append(name).append('\n');
        for (Column c : columns) {
            sb.append("column ").append(c.index()).append(' ').append(c.name()).append(' ').append(c.phase());
            FixedValues f = fixedValues.get(c);
            if (f != null) {
                sb.append(" = ").append(f.describe());
            }
            sb.append('\n');
        }
        for (Challenge ch : challenges) {
            sb.append("challenge ").append(ch.index()).append(' ').append(ch.name()).append('\n');
        }
        for (Constraint c : constraints) {
            sb.append("constraint ").append(c).append('\n');
        }
        for (Lookup l : lookups) {
            sb.append("lookup ").append(l.name()).append(": ").append(l.inputs()).append(" in ").append(l.table())
                    .append(l.selector() == null ? "" : " when " + l.selector()).append('\n');
        }
        for (RangeBatch b : rangeBatches) {
            sb.append("range batch ").append(b.name()).append(" in ").append(b.table());
            for (int k = 0; k < b.groups().size(); k++) {
                sb.append(k == 0 ? ": " : "; ").append("group ").append(k);
                for (RangeCheck rc : b.groups().get(k)) {
                    sb.append(' ').append(rc.name()).append('=').append(rc.value())
                            .append(rc.selector() == null ? "" : " when " + rc.selector());
                }
            }
            sb.append('\n');
        }
        for (Permutation p : permutations) {
            sb.append("permutation ").append(p.name()).append(": ").append(p.left())
                    .append(p.leftSelector() == null ? "" : " when " + p.leftSelector()).append(" ~ ")
                    .append(p.right()).append(p.rightSelector() == null ? "" : " when " + p.rightSelector())
                    .append('\n');
        }
        for (PublicSend p : publicSends) {
            sb.append(p.receives() ? "public receive " : "public send ").append(p.name()).append(" on ").append(p.bus()).append(p.fields()).append(": ")
                    .append(p.tuple()).append(" x ").append(p.multiplicity()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return description;
    }
}
