package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.fri.FriProof;
import dev.zkjvm.circuit.fri.InvalidFriProofException;
import dev.zkjvm.circuit.hash.Hasher;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.tables.commit.MixedBatchOpening;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A proof that a table system's trace satisfies every table's constraints and balances every bus,
 * for a statement of public tuples. Versioned binary format ({@link #toBytes()}, {@link #fromBytes}):
 * <pre>
 *   int version; byte zeroKnowledge (0 or 1); int tables; per table: byte logHeight
 *   main root; byte hasAux, [aux root]; composition root; DEEP root  (32 bytes each)
 *   per table: share (2 longs)
 *   per table: int count, count longs (out-of-domain values)
 *   FRI proof
 *   byte phases; per phase: int rows; int matrices, per matrix int width;
 *                           per row, per matrix: width longs;
 *                           int siblings, 32 bytes each  (the phase's tree opened at the query points)
 * </pre>
 * Reading checks every count against a bound and every value's canonicity; the verifier then checks
 * every count against the system's shape before any expensive work.
 */
public final class TableProof {
    /** The format version. */
    public static final int VERSION = 3;
    private static final int MAX_TABLES = 1 << 12;
    private static final int MAX_COUNT = 1 << 24;
    /** Opened trees: PREPROCESSED, FIXED, MAIN, AUX and the composition at most. */
    private static final int MAX_PHASES = 5;

    final boolean zeroKnowledge;
    final int[] logHeights;
    final byte[] mainRoot;
    final byte[] auxRoot;
    final byte[] compositionRoot;
    /** The root of FRI's first layer: the combined DEEP polynomial. */
    final byte[] friRoot;
    final Ext2[] shares;
    final long[][] ood;
    final FriProof fri;
    /**
     * {@code openings[phase]}, phases in order PREPROCESSED and FIXED (if any), MAIN, AUX (if any),
     * composition, each its tree's rows of the query points opened at once; a row's leaves are its
     * tables' (in table order), then in the composition the FRI mask's, then the salts'
     * (zero-knowledge proofs).
     */
    final MixedBatchOpening[] openings;

    TableProof(boolean zeroKnowledge, int[] logHeights, byte[] mainRoot, byte[] auxRoot, byte[] compositionRoot,
            byte[] friRoot, Ext2[] shares, long[][] ood, FriProof fri, MixedBatchOpening[] openings) {
        this.zeroKnowledge = zeroKnowledge;
        this.friRoot = friRoot;
        this.logHeights = logHeights;
        this.mainRoot = mainRoot;
        this.auxRoot = auxRoot;
        this.compositionRoot = compositionRoot;
        this.shares = shares;
        this.ood = ood;
        this.fri = fri;
        this.openings = openings;
    }

    /**
     * Every table's height, by the system's table index (a zero-knowledge proof also covers the
     * masking table of {@code ShareMasking}, which is not listed).
     */
    public int[] heights() {
        int[] h = new int[userTables()];
        for (int i = 0; i < h.length; i++) {
            h[i] = 1 << logHeights[i];
        }
        return h;
    }

    /** Whether the proof is zero-knowledge. */
    public boolean zeroKnowledge() {
        return zeroKnowledge;
    }

    /** Every table's claimed share of the buses, by the system's table index (masked with zero knowledge). */
    public Ext2[] shares() {
        return java.util.Arrays.copyOf(shares, userTables());
    }

    /** The tables of the system proven: all the proof covers but the masking table of a zero-knowledge proof. */
    private int userTables() {
        return zeroKnowledge ? Math.max(0, logHeights.length - 1) : logHeights.length;
    }

    /** The encoding. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeByte(zeroKnowledge ? 1 : 0);
            out.writeInt(logHeights.length);
            for (int l : logHeights) {
                out.writeByte(l);
            }
            out.write(mainRoot);
            out.writeByte(auxRoot == null ? 0 : 1);
            if (auxRoot != null) {
                out.write(auxRoot);
            }
            out.write(compositionRoot);
            out.write(friRoot);
            for (Ext2 s : shares) {
                out.writeLong(s.c0());
                out.writeLong(s.c1());
            }
            for (long[] values : ood) {
                writeLongs(out, values);
            }
            fri.write(out);
            out.writeByte(openings.length);
            for (MixedBatchOpening o : openings) {
                long[][][] rows = o.leaves();
                out.writeInt(rows.length);
                // every row of a tree holds one leaf of each matrix, of the matrix's width: the
                // layout is written once per phase (version 2 wrote it per row)
                int[] widths = rows.length == 0 ? new int[0] : java.util.Arrays.stream(rows[0]).mapToInt(l -> l.length).toArray();
                out.writeInt(widths.length);
                for (int w : widths) {
                    out.writeInt(w);
                }
                for (long[][] row : rows) {
                    if (row.length != widths.length) {
                        throw new IllegalStateException("opened rows of one tree differ in their matrices");
                    }
                    for (int m = 0; m < row.length; m++) {
                        if (row[m].length != widths[m]) {
                            throw new IllegalStateException("opened rows of one tree differ in matrix " + m + "'s width");
                        }
                        for (long v : row[m]) {
                            out.writeLong(v);
                        }
                    }
                }
                out.writeInt(o.siblings().length);
                for (byte[] sibling : o.siblings()) {
                    out.write(sibling);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long v : values) {
            out.writeLong(v);
        }
    }

    /**
     * Decodes a proof.
     *
     * @throws InvalidProofException if the bytes are not a well-formed proof of this version
     */
    public static TableProof fromBytes(byte[] bytes) throws InvalidProofException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new InvalidProofException("proof format version " + version + ", this verifier reads " + VERSION);
            }
            int zk = in.readUnsignedByte();
            if (zk > 1) {
                throw new InvalidProofException("bad zero-knowledge flag " + zk);
            }
            int tables = count(in.readInt(), MAX_TABLES, "tables");
            int[] logHeights = new int[tables];
            for (int i = 0; i < tables; i++) {
                logHeights[i] = in.readUnsignedByte();
            }
            byte[] main = root(in);
            int hasAux = in.readUnsignedByte();
            if (hasAux > 1) {
                throw new InvalidProofException("bad AUX flag " + hasAux);
            }
            byte[] aux = hasAux == 1 ? root(in) : null;
            byte[] composition = root(in);
            byte[] friRoot = root(in);
            Ext2[] shares = new Ext2[tables];
            for (int i = 0; i < tables; i++) {
                shares[i] = new Ext2(canonical(in.readLong()), canonical(in.readLong()));
            }
            long[][] ood = new long[tables][];
            for (int i = 0; i < tables; i++) {
                ood[i] = readLongs(in);
            }
            FriProof fri = FriProof.read(in);
            MixedBatchOpening[] openings = new MixedBatchOpening[count(in.readUnsignedByte(), MAX_PHASES, "phases")];
            for (int p = 0; p < openings.length; p++) {
                int rowCount = count(in.readInt(), MAX_COUNT, "opened rows");
                int[] widths = new int[count(in.readInt(), MAX_TABLES, "matrices")];
                if (widths.length == 0) {
                    throw new InvalidProofException("proof claims an opened tree of no matrices");
                }
                long rowLongs = 0;
                for (int m = 0; m < widths.length; m++) {
                    widths[m] = count(in.readInt(), MAX_COUNT, "values in a leaf");
                    if (widths[m] == 0) {
                        throw new InvalidProofException("proof claims an opened matrix of no values");
                    }
                    rowLongs += widths[m];
                }
                // every row reads rowLongs values, so nothing is allocated beyond what the bytes hold
                if (rowLongs * rowCount > in.available() / Long.BYTES) {
                    throw new InvalidProofException("proof claims " + rowCount + " opened rows of " + rowLongs
                            + " values, more than its " + in.available() + " remaining bytes hold");
                }
                long[][][] rows = new long[rowCount][][];
                for (int r = 0; r < rows.length; r++) {
                    rows[r] = new long[widths.length][];
                    for (int m = 0; m < widths.length; m++) {
                        long[] leaf = new long[widths[m]];
                        for (int i = 0; i < leaf.length; i++) {
                            leaf[i] = canonical(in.readLong());
                        }
                        rows[r][m] = leaf;
                    }
                }
                byte[][] siblings = new byte[count(in.readInt(), Math.min(MAX_COUNT, in.available() / Hasher.DIGEST_SIZE),
                        "siblings")][];
                for (int s = 0; s < siblings.length; s++) {
                    siblings[s] = root(in);
                }
                openings[p] = new MixedBatchOpening(rows, siblings);
            }
            if (in.read() != -1) {
                throw new InvalidProofException("trailing bytes after the proof");
            }
            return new TableProof(zk == 1, logHeights, main, aux, composition, friRoot, shares, ood, fri, openings);
        } catch (EOFException e) {
            throw new InvalidProofException("proof is truncated", e);
        } catch (InvalidFriProofException e) {
            throw new InvalidProofException("FRI proof: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidProofException("unreadable proof: " + e.getMessage(), e);
        }
    }

    private static int count(int n, int max, String what) throws InvalidProofException {
        if (n < 0 || n > max) {
            throw new InvalidProofException("proof claims " + n + " " + what + ", at most " + max + " allowed");
        }
        return n;
    }

    private static byte[] root(DataInputStream in) throws IOException {
        byte[] r = new byte[Hasher.DIGEST_SIZE];
        in.readFully(r);
        return r;
    }

    private static long canonical(long v) throws InvalidProofException {
        if (!Goldilocks.isCanonical(v)) {
            throw new InvalidProofException("non-canonical field element " + Long.toUnsignedString(v));
        }
        return v;
    }

    private static long[] readLongs(DataInputStream in) throws IOException, InvalidProofException {
        // the input is a byte array, so what remains is known: no allocation beyond the proof's size
        long[] v = new long[count(in.readInt(), Math.min(MAX_COUNT, in.available() / Long.BYTES), "values")];
        for (int i = 0; i < v.length; i++) {
            v[i] = canonical(in.readLong());
        }
        return v;
    }
}
