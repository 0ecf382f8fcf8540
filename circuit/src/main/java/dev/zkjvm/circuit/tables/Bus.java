package dev.zkjvm.circuit.tables;

import java.util.List;

/**
 * A named bus: a multiset argument between tables. Every tuple on it has the same fields, whose
 * names give reports their meaning ({@code mem(addr=5, value=7, time=3)}).
 *
 * @param index position in {@link TableSystem#buses()}
 * @param name unique name
 * @param fields the names of a tuple's fields, at least one
 */
public record Bus(int index, String name, List<String> fields) {
    /** Copies the field names. */
    public Bus {
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("bus " + name + " needs at least one field");
        }
    }

    /** The number of fields of a tuple. */
    public int width() {
        return fields.size();
    }

    /** {@code name(field=value, ...)} with values printed by {@code format}. */
    public String format(long[] tuple) {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < fields.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(fields.get(i)).append('=').append(Values.format(tuple[i]));
        }
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return name + fields;
    }
}
