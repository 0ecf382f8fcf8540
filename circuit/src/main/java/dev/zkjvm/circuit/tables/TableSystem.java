package dev.zkjvm.circuit.tables;

import java.util.List;

/**
 * An immutable system of tables joined by buses, as data. Declare one with {@link #builder(String)}.
 *
 * <pre>{@code
 * TableSystemBuilder b = TableSystem.builder("vm");
 * Table cpu = b.table(cpuAir);               // a ConstraintSystem of MAIN/FIXED columns
 * Table mem = b.table(memAir);
 * Bus access = b.bus("mem", "addr", "value");
 * b.send("cpu.load", access, cpu, isLoad.cur(), addr.cur(), value.cur());
 * b.receive("mem.access", access, mem, one.cur(), maddr.cur(), mvalue.cur());
 * TableSystem system = b.build();
 * }</pre>
 */
public final class TableSystem {
    private final String name;
    private final List<Table> tables;
    private final List<Bus> buses;
    private final List<Interaction> interactions;
    private final String description;

    TableSystem(String name, List<Table> tables, List<Bus> buses, List<Interaction> interactions) {
        this.name = name;
        this.tables = List.copyOf(tables);
        this.buses = List.copyOf(buses);
        this.interactions = List.copyOf(interactions);
        this.description = describe(name, this.tables, this.buses, this.interactions);
    }

    /** Starts declaring a table system. */
    public static TableSystemBuilder builder(String name) {
        return new TableSystemBuilder(name);
    }

    /** The system's name. */
    public String name() {
        return name;
    }

    /** The tables, by index. */
    public List<Table> tables() {
        return tables;
    }

    /** The buses, by index. */
    public List<Bus> buses() {
        return buses;
    }

    /** Every interaction, by index (grouped by nothing; see {@link #interactionsOf(Table)}). */
    public List<Interaction> interactions() {
        return interactions;
    }

    /** The interactions of one table, in declaration order. */
    public List<Interaction> interactionsOf(Table table) {
        return interactions.stream().filter(i -> i.table() == table.index()).toList();
    }

    /** The interactions on one bus, in declaration order. */
    public List<Interaction> interactionsOn(Bus bus) {
        return interactions.stream().filter(i -> i.bus().index() == bus.index()).toList();
    }

    /** Finds a table by name. */
    public Table table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + tableName + " in " + name));
    }

    /** Finds a bus by name. */
    public Bus bus(String busName) {
        return buses.stream().filter(b -> b.name().equals(busName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bus " + busName + " in " + name));
    }

    /**
     * A canonical description of everything that defines the system: every table's own description,
     * every bus and every interaction. A transcript absorbs it, so two different systems never share
     * challenges.
     */
    public String describe() {
        return description;
    }

    private static String describe(String name, List<Table> tables, List<Bus> buses, List<Interaction> interactions) {
        StringBuilder sb = new StringBuilder("table system ").append(name).append('\n');
        for (Table t : tables) {
            sb.append("table ").append(t.index()).append(' ').append(t.name())
                    .append(t.isPreprocessed() ? " preprocessed at " + t.fixedHeight() + " rows" : "").append('\n');
            sb.append(t.air().describe());
        }
        for (Bus b : buses) {
            sb.append("bus ").append(b.index()).append(' ').append(b.name()).append(' ').append(b.fields()).append('\n');
        }
        for (Interaction i : interactions) {
            sb.append("interaction ").append(i.index()).append(" table ").append(i.table()).append(' ').append(i)
                    .append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return description;
    }
}
