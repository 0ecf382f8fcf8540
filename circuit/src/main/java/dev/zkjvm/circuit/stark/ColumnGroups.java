package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Phase;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each column of a system is committed: its phase's commitment (FIXED, MAIN, AUX, in that
 * order, empty phases skipped) and its position inside it (phase order = column index order).
 */
final class ColumnGroups {
    private final List<Phase> phases = new ArrayList<>();
    private final List<List<Column>> members = new ArrayList<>();
    private final int[] groupOf;
    private final int[] localIndex;

    ColumnGroups(ConstraintSystem system) {
        groupOf = new int[system.columns().size()];
        localIndex = new int[groupOf.length];
        for (Phase p : Phase.values()) {
            List<Column> cs = system.columns(p);
            if (cs.isEmpty()) {
                continue;
            }
            int g = phases.size();
            phases.add(p);
            members.add(cs);
            for (int i = 0; i < cs.size(); i++) {
                groupOf[cs.get(i).index()] = g;
                localIndex[cs.get(i).index()] = i;
            }
        }
    }

    int count() {
        return phases.size();
    }

    Phase phase(int group) {
        return phases.get(group);
    }

    /** The group of a phase, or -1 when the system has no column of that phase. */
    int groupOf(Phase phase) {
        return phases.indexOf(phase);
    }

    List<Column> columns(int group) {
        return members.get(group);
    }

    int groupOfColumn(int columnIndex) {
        return groupOf[columnIndex];
    }

    int localIndex(int columnIndex) {
        return localIndex[columnIndex];
    }
}
