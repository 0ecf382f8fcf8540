package dev.zkjvm.circuit.witness;

import dev.zkjvm.circuit.air.Challenge;
import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.Exprs;
import dev.zkjvm.circuit.air.Lookup;
import dev.zkjvm.circuit.air.Permutation;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.air.RangeBatch;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.hash.MerkleTree;
import dev.zkjvm.circuit.hash.Transcript;
import dev.zkjvm.circuit.util.Parallel;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link Witness} in the order a prover must follow:
 * <ol>
 *   <li>generate the FIXED columns from the system;</li>
 *   <li>take the user's MAIN columns and compute the multiplicity columns of the lookups and of
 *       the batched range checks;</li>
 *   <li>commit to all MAIN columns with a {@link MerkleTree} ({@value #ROWS_PER_LEAF} rows per
 *       leaf) and absorb the system description,
 *       the row count and the root into a {@link Transcript};</li>
 *   <li>draw every challenge (in GF(p²)) from that transcript;</li>
 *   <li>build the AUX columns: lookup running sums, permutation grand products, the range
 *       batches' helper columns and running sums.</li>
 * </ol>
 * Challenges therefore depend on every committed cell and can never be chosen beforehand.
 *
 * <pre>{@code
 * Witness w = WitnessBuilder.of(cs, rows).set(x, xs).set(y, ys).build();
 * }</pre>
 */
public final class WitnessBuilder {
    /**
     * Rows per leaf of the MAIN commitment: few enough that a leaf stays a few kilobytes, enough
     * that the per-digest cost and the internal nodes (one per leaf) are small next to the rows'
     * own bytes.
     */
    public static final int ROWS_PER_LEAF = 64;

    /** The transcript domain prefix; the system name is appended. */
    public static final String DOMAIN = "zkjvm/air/";

    private final ConstraintSystem system;
    private final int rows;
    private final long[][] columns;
    private HashAlgorithm hash = HashAlgorithm.DEFAULT;
    private boolean built;

    private WitnessBuilder(ConstraintSystem system, int rows, int minRows) {
        if (rows < minRows) {
            throw new IllegalArgumentException("system " + system.name() + " needs at least " + minRows
                    + " rows" + (minRows > 1 ? " (its fixed tables)" : "") + ", got " + rows);
        }
        this.system = system;
        this.rows = rows;
        this.columns = new long[system.columns().size()][];
    }

    /** Starts a witness of {@code rows} rows for {@code system}. */
    public static WitnessBuilder of(ConstraintSystem system, int rows) {
        return new WitnessBuilder(system, rows, system.minRows());
    }

    /**
     * Starts collecting the MAIN columns of {@code rows} rows (at least one), fewer than the
     * system's FIXED tables may need: for a prover that reads them with {@link #suppliedColumns()}
     * and proves the system's translation into tables
     * ({@code dev.zkjvm.circuit.tables.translate.TranslatedSystem}), whose range tables stand
     * apart. {@link #build()} still needs the system's {@link ConstraintSystem#minRows()}.
     */
    public static WitnessBuilder columnsOnly(ConstraintSystem system, int rows) {
        return new WitnessBuilder(system, rows, 1);
    }

    /** Selects the hash of the commitment and the transcript (default SHA-256). */
    public WitnessBuilder hash(HashAlgorithm algorithm) {
        this.hash = algorithm;
        return this;
    }

    /**
     * Supplies a MAIN column. The array is taken over, not copied; its values must be canonical.
     * A lookup's multiplicity column may be supplied too, which replaces the computed one.
     */
    public WitnessBuilder set(Column c, long[] values) {
        if (built) {
            throw new IllegalStateException("this WitnessBuilder has already built its witness");
        }
        if (c.phase() != Phase.MAIN || !system.columns().get(c.index()).equals(c)) {
            throw new IllegalArgumentException("not a MAIN column of " + system.name() + ": " + c);
        }
        if (values.length != rows) {
            throw new IllegalArgumentException("column " + c + " has " + values.length + " values, expected " + rows);
        }
        columns[c.index()] = values;
        return this;
    }

    /**
     * The columns supplied so far, indexed like the system's columns (null where none was set).
     * The arrays are the builder's own, not copies: for tools that inspect or compare a witness
     * before it is built, such as mutation testing.
     */
    public long[][] suppliedColumns() {
        return columns;
    }

    /** Supplies a MAIN column from signed values (-1 becomes p - 1). */
    public WitnessBuilder setSigned(Column c, long[] signedValues) {
        long[] v = new long[signedValues.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Goldilocks.fromSigned(signedValues[i]);
        }
        return set(c, v);
    }

    /**
     * Runs the five steps and returns the complete table. A builder builds once.
     *
     * @throws IllegalStateException if a MAIN column is missing or the builder was used already
     */
    public Witness build() {
        return build(this::commitAndDraw);
    }

    /**
     * The challenges drawn once the MAIN columns are final, and the root of the commitment they were
     * drawn from.
     *
     * @param mainRoot the root of the MAIN commitment
     * @param challenges the challenge values by challenge index
     */
    public record DrawnChallenges(byte[] mainRoot, Ext2[] challenges) {
    }

    /** Commits to the MAIN columns in some way and draws the challenges from that commitment. */
    @FunctionalInterface
    public interface ChallengeDrawer {
        /**
         * @param columns the table so far, indexed like the system's columns: FIXED and MAIN filled
         *     (multiplicities included), AUX {@code null}; must not be changed
         */
        DrawnChallenges draw(long[][] columns);
    }

    /**
     * As {@link #build()}, with the commitment and the challenges of step 3 and 4 left to
     * {@code drawer}: a prover commits to the MAIN columns' low-degree extension instead of the
     * rows themselves and draws from its own transcript.
     */
    public Witness build(ChallengeDrawer drawer) {
        if (built) {
            throw new IllegalStateException("this WitnessBuilder has already built its witness");
        }
        if (rows < system.minRows()) {
            throw new IllegalStateException("system " + system.name() + " needs at least " + system.minRows()
                    + " rows (its fixed tables) for a witness; these " + rows + " rows are columns only");
        }
        built = true;
        for (Column c : system.columns(Phase.FIXED)) {
            columns[c.index()] = system.fixedValues(c).generate(rows);
        }
        Set<Column> computed = new HashSet<>();
        for (Lookup l : system.lookups()) {
            if (columns[l.multiplicity().index()] == null) {
                computed.add(l.multiplicity());
            }
        }
        for (RangeBatch rb : system.rangeBatches()) {
            if (columns[rb.multiplicity().index()] == null) {
                computed.add(rb.multiplicity());
            }
        }
        List<Column> main = system.columns(Phase.MAIN);
        for (Column c : main) {
            if (columns[c.index()] == null && !computed.contains(c)) {
                throw new IllegalStateException("MAIN column " + c + " of " + system.name() + " was not set");
            }
        }
        // One pass per supplied column, the columns spread over the pool.
        List<Column> supplied = main.stream().filter(c -> columns[c.index()] != null).toList();
        Parallel.forChunks(supplied.size(), Parallel.parallelism(), () -> null,
                (ignored, i) -> checkCanonical(supplied.get(i), columns[supplied.get(i).index()]));
        // Independent per lookup: one lookup per task, spread over the pool, unless some lookup
        // reads a computed multiplicity column (then in declaration order, as that lookup expects).
        List<Lookup> counted = system.lookups().stream().filter(l -> computed.contains(l.multiplicity())).toList();
        boolean readsCounts = system.lookups().stream().anyMatch(l -> readsAny(l, computed));
        Parallel.forChunks(counted.size(), readsCounts ? 1 : Parallel.parallelism(), () -> null, (ignored, i) -> {
            Lookup l = counted.get(i);
            columns[l.multiplicity().index()] = ArgumentColumns.multiplicities(system, l, columns, rows);
        });
        for (RangeBatch rb : system.rangeBatches()) {
            if (computed.contains(rb.multiplicity())) {
                columns[rb.multiplicity().index()] = RangeBatchColumns.multiplicities(rb, columns, rows);
            }
        }
        DrawnChallenges drawn = drawer.draw(columns);
        Ext2[] challenges = drawn.challenges();
        if (challenges.length != system.challenges().size()) {
            throw new IllegalStateException("drew " + challenges.length + " challenges, the system has "
                    + system.challenges().size());
        }
        for (Column c : system.columns(Phase.AUX)) {
            columns[c.index()] = new long[rows];
        }
        // A grand product spreads its rows over the pool; the running sums of range lookups are
        // cheap and sequential, so they run one lookup per task.
        for (Permutation p : system.permutations()) {
            ArgumentColumns.fillGrandProduct(p, columns, rows, challenges);
        }
        List<Lookup> lookups = system.lookups();
        Parallel.forChunks(lookups.size(), Parallel.parallelism(), () -> null, (ignored, i) ->
                ArgumentColumns.fillRunningSum(system, lookups.get(i), columns, rows, challenges));
        // A batch of range checks spreads its rows over the pool itself.
        for (RangeBatch rb : system.rangeBatches()) {
            RangeBatchColumns.fill(rb, columns, rows, challenges);
        }
        return new Witness(system, rows, columns, challenges, drawn.mainRoot(), hash);
    }

    /** Steps 3 and 4 of the checker's witness: a Merkle tree over the MAIN rows, then the transcript. */
    private DrawnChallenges commitAndDraw(long[][] table) {
        List<Column> main = system.columns(Phase.MAIN);
        long[][] mainColumns = new long[main.size()][];
        for (int i = 0; i < mainColumns.length; i++) {
            mainColumns[i] = table[main.get(i).index()];
        }
        byte[] root = MerkleTree.commit(hash, mainColumns, rows, ROWS_PER_LEAF).root();
        return new DrawnChallenges(root, drawChallenges(system, rows, root, hash));
    }

    /** The number of rows this builder was started with. */
    public int rows() {
        return rows;
    }

    /** The system this builder fills. */
    public ConstraintSystem system() {
        return system;
    }

    /**
     * Derives the challenges of {@code system} from the MAIN commitment exactly as {@link #build()}
     * does: transcript domain {@value #DOMAIN} + system name, then the system description, the row
     * count and the root, then one squeeze per challenge labelled with its name.
     */
    public static Ext2[] drawChallenges(ConstraintSystem system, int rows, byte[] mainRoot, HashAlgorithm hash) {
        Transcript t = new Transcript(DOMAIN + system.name(), hash);
        t.absorbBytes("system", system.describe().getBytes(StandardCharsets.UTF_8));
        t.absorbLong("rows", rows);
        t.absorbRoot("main", mainRoot);
        Ext2[] out = new Ext2[system.challenges().size()];
        for (Challenge ch : system.challenges()) {
            out[ch.index()] = t.challengeExt(ch.name());
        }
        return out;
    }

    private static boolean readsAny(Lookup l, Set<Column> columns) {
        List<Expr> exprs = new java.util.ArrayList<>(l.inputs());
        exprs.addAll(l.table());
        if (l.selector() != null) {
            exprs.add(l.selector());
        }
        return exprs.stream().flatMap(e -> Exprs.cells(e).stream()).anyMatch(c -> columns.contains(c.column()));
    }

    private static void checkCanonical(Column c, long[] values) {
        for (int r = 0; r < values.length; r++) {
            if (!Goldilocks.isCanonical(values[r])) {
                throw new IllegalArgumentException("column " + c + " row " + r + ": value "
                        + Long.toUnsignedString(values[r]) + " is not a canonical field element (>= p)");
            }
        }
    }
}
