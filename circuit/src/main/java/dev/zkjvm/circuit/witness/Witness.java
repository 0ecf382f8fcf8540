package dev.zkjvm.circuit.witness;

import dev.zkjvm.circuit.air.Challenge;
import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ExtColumn;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.hash.HashAlgorithm;

/**
 * A complete table for a {@link ConstraintSystem}: every FIXED, MAIN and AUX column as a
 * {@code long[]} of {@link #rows()} canonical values, with the challenges that were drawn after the
 * MAIN commitment. Built by {@link WitnessBuilder}.
 *
 * <p>The column arrays are live and mutable ({@link #set}) so that tools and tests can corrupt a
 * cell and re-check; the challenges and the root are not recomputed by such edits.
 */
public final class Witness {
    private final ConstraintSystem system;
    private final int rows;
    private final long[][] columns;
    private final Ext2[] challenges;
    private final byte[] mainRoot;
    private final HashAlgorithm hash;

    Witness(ConstraintSystem system, int rows, long[][] columns, Ext2[] challenges, byte[] mainRoot,
            HashAlgorithm hash) {
        this.system = system;
        this.rows = rows;
        this.columns = columns;
        this.challenges = challenges;
        this.mainRoot = mainRoot;
        this.hash = hash;
    }

    /** The constraint system this table was built for. */
    public ConstraintSystem system() {
        return system;
    }

    /** The number of rows n. */
    public int rows() {
        return rows;
    }

    /** The live values of column {@code c} (length n). */
    public long[] column(Column c) {
        return columns[checked(c).index()];
    }

    /** The cell of column {@code c} at {@code row}. */
    public long get(Column c, int row) {
        return columns[checked(c).index()][row];
    }

    /** The extension cell of {@code c} at {@code row}. */
    public Ext2 get(ExtColumn c, int row) {
        return new Ext2(get(c.c0(), row), get(c.c1(), row));
    }

    /** Overwrites one cell (for experiments and negative tests); {@code value} must be canonical. */
    public void set(Column c, int row, long value) {
        if (!Goldilocks.isCanonical(value)) {
            throw new IllegalArgumentException("not canonical: " + Long.toUnsignedString(value));
        }
        columns[checked(c).index()][row] = value;
    }

    /** Overwrites one extension cell. */
    public void set(ExtColumn c, int row, Ext2 value) {
        set(c.c0(), row, value.c0());
        set(c.c1(), row, value.c1());
    }

    /** The value drawn for challenge {@code c}. */
    public Ext2 challenge(Challenge c) {
        return challenges[c.index()];
    }

    /** All challenge values by challenge index (a copy). */
    public Ext2[] challengeValues() {
        return challenges.clone();
    }

    /** The Merkle root of the MAIN columns that the challenges were drawn from. */
    public byte[] mainRoot() {
        return mainRoot.clone();
    }

    /** The hash function of the commitment and the transcript. */
    public HashAlgorithm hash() {
        return hash;
    }

    /** The live table, indexed by column index (for evaluators). */
    public long[][] columnsUnsafe() {
        return columns;
    }

    /** A deep copy whose cells can be changed independently. */
    public Witness copy() {
        long[][] c = new long[columns.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = columns[i].clone();
        }
        return new Witness(system, rows, c, challenges.clone(), mainRoot.clone(), hash);
    }

    private Column checked(Column c) {
        if (c.index() >= columns.length || !system.columns().get(c.index()).equals(c)) {
            throw new IllegalArgumentException("column " + c + " is not part of " + system.name());
        }
        return c;
    }
}
