package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Constraint;
import dev.zkjvm.circuit.tables.logup.TableAir;
import java.util.ArrayList;
import java.util.List;

/**
 * What prover and verifier derive alike for one table at one height: its AIR, its columns per
 * phase (positions in {@link TableAir#columns()}), its constraints that apply at this height (a
 * table of one row has no transition), and the sizes of its polynomials.
 *
 * <p>Sizes. A table of n rows has its polynomials on a domain of P points (a power of two, n
 * unless zero knowledge needs more room), extended onto the coset of {@code L = P·b} points. Every
 * polynomial it commits has degree below {@code P + slack} ({@link Hiding#slack}; 0 without zero
 * knowledge): the trace columns ({@code n + h} coefficients when randomised) and the composition
 * chunks. The composition polynomial has degree below E ({@link #compositionBound}) and is cut into
 * {@link #chunks} pieces at multiples of P, the last one taking the rest.
 */
final class TableShape {
    final TableAir air;
    final int logRows;
    final int rows;
    /** log2 of P, the size of the domain the table's polynomials live on. */
    final int logPolyRows;
    final int polyRows;
    /** The coset's size L = P·b. */
    final int ldeSize;
    /** How far a row's next row is on the coset: L/n points. */
    final int nextRowOffset;
    /** The degree bound (exclusive) of every polynomial the table commits: P + slack. */
    final int degreeBound;
    /** The degree bound (exclusive) of the composition polynomial before it is cut. */
    final int compositionBound;
    /** {@code groupColumns[commitment.ordinal()]}: indices into {@code air.columns()}. */
    final int[][] groupColumns = new int[Commitment.values().length][];
    final List<Constraint> constraints;
    final int chunks;
    final Hiding hiding;

    TableShape(TableAir air, int logRows, int blowup, Hiding hiding) {
        this.air = air;
        this.logRows = logRows;
        this.rows = 1 << logRows;
        this.hiding = hiding;
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
        long traceBound = (long) rows + hiding.traceRandomizers;
        long composition = compositionBound(cs, rows, traceBound);
        int logP = domain(air.table().name(), logRows, blowup, hiding, traceBound, composition);
        long p = 1L << logP;
        long slack = hiding.slack((int) p);
        int c = chunkCount(composition, p, slack, hiding.chunkRandomizers);
        this.logPolyRows = logP;
        this.polyRows = (int) p;
        this.ldeSize = (int) p * blowup;
        this.nextRowOffset = ldeSize / rows;
        this.degreeBound = (int) (p + slack);
        this.compositionBound = (int) composition;
        this.chunks = c;
    }

    /**
     * log2 of the smallest domain P (the trace's own without zero knowledge) that holds the
     * randomised columns within its slack and whose coset holds the composition polynomial.
     */
    private static int domain(String table, int logRows, int blowup, Hiding hiding, long traceBound,
            long composition) {
        int maxLog = hiding.on ? Math.min(logRows + 16, 30 - Integer.numberOfTrailingZeros(blowup)) : logRows;
        String why = "";
        for (int logP = logRows; logP <= maxLog; logP++) {
            long p = 1L << logP;
            if (traceBound > p + hiding.slack((int) p)) {
                why = "its randomised columns need " + traceBound + " coefficients";
                continue;
            }
            if (Math.max(composition, 1L << logRows) > p * blowup) {
                why = "a constraint's quotient has degree " + (composition - 1) + ", more than the " + (p * blowup)
                        + " points of the coset hold";
                continue;
            }
            if (chunkCount(composition, p, hiding.slack((int) p), hiding.chunkRandomizers) > 1
                    && hiding.chunkRandomizers > hiding.slack((int) p)) {
                why = "its blinded composition chunks need " + (p + hiding.chunkRandomizers) + " coefficients";
                continue;
            }
            return logP;
        }
        throw new IllegalArgumentException("table " + table + " at 2^" + logRows + " rows: " + why);
    }

    /**
     * The chunks of a composition of degree below E cut at multiples of P: the last one may reach
     * the slack, less the blinding that its neighbour adds when there are several.
     */
    private static int chunkCount(long composition, long p, long slack, int blinding) {
        int c = 1;
        while (composition - (c - 1) * p + (c > 1 ? blinding : 0) > p + slack) {
            c++;
        }
        return c;
    }

    int[] columns(Commitment g) {
        return groupColumns[g.ordinal()];
    }

    int columnCount() {
        return air.columns().size();
    }

    /** Whether the table's columns of this commitment are randomised (MAIN and AUX, with zero knowledge). */
    boolean randomised(Commitment g) {
        return hiding.on && (g == Commitment.MAIN || g == Commitment.AUX);
    }

    /**
     * Whether the composition is one chunk of degree below n on a plain table, so that its values
     * on the coset can be committed as they are: computing them on all L points costs the
     * constraints' evaluation on 3n more points, and saves interpolating two columns and extending
     * them again.
     */
    boolean compositionOnCoset() {
        return chunks == 1 && polyRows == rows && compositionBound <= rows && !hiding.on;
    }

    /**
     * The composition's degree bound: a constraint of degree d over columns of degree below T is a
     * polynomial of degree at most d·(T-1); its quotient by the vanishing polynomial of its rows
     * (degree n, n - 1, or 1) has degree {@code d·(T-1) - deg Z}.
     */
    private static long compositionBound(List<Constraint> cs, long n, long traceBound) {
        long bound = 1;
        for (Constraint c : cs) {
            long zeroDegree = switch (c.kind()) {
                case EVERY_ROW -> n;
                case TRANSITION -> n - 1;
                case FIRST_ROW, LAST_ROW -> 1;
            };
            bound = Math.max(bound, c.degree() * (traceBound - 1) - zeroDegree + 1);
        }
        return bound;
    }
}
