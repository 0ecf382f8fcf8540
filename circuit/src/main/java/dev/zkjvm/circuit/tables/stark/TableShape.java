package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.tables.logup.TableAir;
import java.util.ArrayList;
import java.util.List;

/**
 * What prover and verifier derive alike for one table at one height: its AIR, its columns per
 * phase (positions in {@link TableAir#columns()}), its composition chunks and its constraints that
 * apply at this height (a table of one row has no transition).
 */
final class TableShape {
    final TableAir air;
    final int logRows;
    final int rows;
    /** {@code groupColumns[commitment.ordinal()]}: indices into {@code air.columns()}. */
    final int[][] groupColumns = new int[Commitment.values().length][];
    final List<Constraint> constraints;
    final int chunks;

    TableShape(TableAir air, int logRows, int blowup) {
        this.air = air;
        this.logRows = logRows;
        this.rows = 1 << logRows;
        for (Commitment g : Commitment.values()) {
            List<Integer> idx = new ArrayList<>();
            for (Column c : air.columns()) {
                if (c.phase() == g.phase() && g.holds(air.table())) {
                    idx.add(c.index());
                }
            }
            groupColumns[g.ordinal()] = idx.stream().mapToInt(Integer::intValue).toArray();
        }
        List<Constraint> cs = new ArrayList<>();
        for (Constraint c : air.constraints()) {
            if (rows > 1 || c.kind() != dev.zkjvm.circuit.air.ConstraintKind.TRANSITION) {
                cs.add(c);
            }
        }
        this.constraints = List.copyOf(cs);
        this.chunks = chunks(cs, rows, blowup, air.table().name());
    }

    int[] columns(Commitment g) {
        return groupColumns[g.ordinal()];
    }

    int columnCount() {
        return air.columns().size();
    }

    /**
     * The chunks of degree below n of the composition polynomial: a constraint of degree d is a
     * polynomial of degree at most d·(n-1), its quotient by the vanishing polynomial of its rows
     * (degree n, n - 1, or 1) of degree {@code d·(n-1) - deg Z}; the composition is evaluated on the
     * table's coset of n·blowup points, so at most {@code blowup} chunks.
     */
    private static int chunks(List<Constraint> cs, long n, int blowup, String table) {
        int chunks = 1;
        for (Constraint c : cs) {
            long zeroDegree = switch (c.kind()) {
                case EVERY_ROW -> n;
                case TRANSITION -> n - 1;
                case FIRST_ROW, LAST_ROW -> 1;
            };
            long quotient = c.degree() * (n - 1) - zeroDegree;
            int needed = (int) Math.max(1, (quotient + n) / n);
            if (needed > blowup) {
                throw new IllegalArgumentException("table " + table + ": constraint " + c.name() + " of degree "
                        + c.degree() + " needs " + needed + " composition chunks, more than the blowup " + blowup);
            }
            chunks = Math.max(chunks, needed);
        }
        return chunks;
    }
}
