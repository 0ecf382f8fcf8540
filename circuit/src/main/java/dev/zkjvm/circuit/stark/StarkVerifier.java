package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.fri.FriQueries;
import dev.zkjvm.circuit.fri.FriVerifier;
import dev.zkjvm.circuit.fri.InvalidFriProofException;
import dev.zkjvm.circuit.fri.MerkleBatch;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.hash.MerkleTree;
import dev.zkjvm.circuit.hash.Transcript;
import dev.zkjvm.circuit.poly.TwoAdic;
import java.util.List;

/**
 * Verifies a {@link StarkProof} against a constraint system, with nothing else: the FIXED columns
 * (which hold an execution circuit's program) are recomputed into the {@link VerifyingKey}, every
 * other value comes from the proof and is checked.
 *
 * <p>Checks, cheapest first, so that a malformed or forged proof is rejected before the one
 * expensive step (the verifying key for the claimed length): the parameters are the verifier's
 * own and the length is within the caller's {@link VerifyOptions}; the shape (root, value, FRI and
 * opening counts and widths, see {@link ProofShape}); the transcript is replayed to re-derive every
 * challenge; FRI on the DEEP composition (proof of work first); the composition identity at z,
 * {@code Σ α^i·c_i(z)/Z_i(z) = Σ z^(j·n)·H_j(z)}, from the claimed values; every opened leaf of
 * the MAIN, AUX and composition commitments against its root. Only then is the key taken: the FIXED
 * leaves against its root, and the DEEP composition recomputed from the opened leaves at each
 * queried point must equal the value FRI opened there.
 *
 * <p>Every method throws {@link InvalidProofException} and nothing else on any proof, however
 * malformed, and the boolean ones return false; an error inside a check that no explicit check
 * caught is reported as a rejection too ("malformed proof: ..."), so the verifier fails closed.
 */
public final class StarkVerifier {
    private StarkVerifier() {
    }

    /** Where the verifier gets the verifying key for a length, once everything else has passed. */
    @FunctionalInterface
    public interface KeySource {
        /** The key of the verifier's system and configuration for traces of {@code 2^logRows} rows. */
        VerifyingKey key(int logRows);
    }

    /**
     * Whether the proof is valid for {@code system} under {@code config}, with the default policy.
     * Never throws on a bad proof; derives the verifying key for the proof's length if everything
     * else passes.
     */
    public static boolean isValid(ConstraintSystem system, StarkConfig config, StarkProof proof) {
        return isValid(system, config, VerifyOptions.DEFAULT, proof);
    }

    /** Whether the proof is valid for {@code system} under {@code config} and {@code options}. Never throws on a bad proof. */
    public static boolean isValid(ConstraintSystem system, StarkConfig config, VerifyOptions options,
            StarkProof proof) {
        try {
            verify(system, config, options, proof);
            return true;
        } catch (InvalidProofException e) {
            return false;
        }
    }

    /** Verifies with the default policy, deriving the verifying key for the proof's length. */
    public static void verify(ConstraintSystem system, StarkConfig config, StarkProof proof)
            throws InvalidProofException {
        verify(system, config, VerifyOptions.DEFAULT, proof);
    }

    /**
     * Verifies under the caller's policy, deriving the verifying key for the proof's length once
     * every check that needs no key has passed.
     *
     * @throws InvalidProofException with the reason, if the proof is rejected
     */
    public static void verify(ConstraintSystem system, StarkConfig config, VerifyOptions options, StarkProof proof)
            throws InvalidProofException {
        verify(system, config, options, proof, logRows -> VerifyingKey.derive(system, logRows, config));
    }

    /**
     * Verifies against a key derived beforehand.
     *
     * @throws InvalidProofException with the reason, if the proof is rejected (also when it is for
     *     another length than the key)
     */
    public static void verify(VerifyingKey key, StarkProof proof) throws InvalidProofException {
        if (proof.logRows() != key.logRows()) {
            throw new InvalidProofException("proof is for 2^" + proof.logRows() + " rows, the key for 2^" + key.logRows());
        }
        verify(key.system(), key.config(), VerifyOptions.upToLogRows(key.logRows()), proof, logRows -> key);
    }

    /**
     * Verifies under the caller's policy, asking {@code keys} for the verifying key (a cache, say)
     * only once every check that needs no key has passed.
     *
     * @throws InvalidProofException with the reason, if the proof is rejected
     */
    public static void verify(ConstraintSystem system, StarkConfig config, VerifyOptions options, StarkProof proof,
            KeySource keys) throws InvalidProofException {
        if (!system.publicSends().isEmpty()) {
            // The proof's bytes are the caller's input: a system it cannot be a proof of is a rejection.
            throw new InvalidProofException(system.name() + " sends tuples to a public statement (bus "
                    + system.publicSends().get(0).bus() + "), which a one-table proof cannot state; its proofs are"
                    + " on tables");
        }
        if (proof == null) {
            throw new InvalidProofException("no proof");
        }
        ProofShape shape = ProofShape.check(system, config, options, proof);
        try {
            verifyShaped(system, config, shape, proof, keys);
        } catch (RuntimeException e) {
            // Every count and size was checked above; this is the net under those checks.
            throw new InvalidProofException("malformed proof: " + e, e);
        }
    }

    private static void verifyShaped(ConstraintSystem system, StarkConfig config, ProofShape shape, StarkProof proof,
            KeySource keys) throws InvalidProofException {
        int logRows = shape.logRows;
        int n = 1 << logRows;
        int k = config.fri().foldingFactor();
        int logDomain = shape.logDomain;
        int chunks = shape.chunks;
        ColumnGroups groups = shape.groups;
        int aux = groups.groupOf(Phase.AUX);
        int m = system.columns().size();
        int compositionColumns = shape.compositionColumns;
        List<byte[]> roots = proof.roots();
        int rootCount = roots.size();
        byte[] mainRoot = roots.get(0);
        byte[] auxRoot = aux >= 0 ? roots.get(1) : null;
        byte[] compositionRoot = roots.get(rootCount - 2);
        byte[] deepRoot = roots.get(rootCount - 1);
        long[] ood = proof.oodValues();

        Transcript t = StarkTranscript.begin(system, logRows, config);
        Ext2[] challenges = StarkTranscript.mainRoot(t, system, mainRoot);
        Ext2 alpha = StarkTranscript.auxRoot(t, auxRoot);
        Ext2 z = StarkTranscript.compositionRoot(t, compositionRoot, logRows, logDomain);
        StarkTranscript.DeepChallenges deep = StarkTranscript.oodValues(t, ood, m + compositionColumns);
        Ext2 delta = deep.delta();

        // FRI first: its proof of work is one hash and refuses a forgery before the composition
        // identity (a pass over every constraint) is evaluated; the two checks are independent.
        FriQueries queries;
        try {
            queries = FriVerifier.check(config.fri(), deepRoot, logDomain, proof.fri(), t);
        } catch (InvalidFriProofException e) {
            throw new InvalidProofException("FRI: " + e.getMessage(), e);
        }
        checkComposition(system, ood, m, chunks, n, z, challenges, alpha);
        int[] rows = queriedRows(queries, k);
        List<StarkProof.Opening> openings = proof.openings();
        int treeDepth = shape.treeDepth;
        int fixed = groups.groupOf(Phase.FIXED);
        for (int g = 0; g <= groups.count(); g++) {
            if (g == fixed) {
                continue;
            }
            int width = g < groups.count() ? groups.columns(g).size() : compositionColumns;
            byte[] root = g < groups.count() ? (groups.phase(g) == Phase.MAIN ? mainRoot : auxRoot) : compositionRoot;
            checkOpening(openings.get(g), rows, k * width, root, treeDepth, config.hash(), g);
        }
        if (fixed >= 0) {
            // The one step whose cost grows with the claimed length, taken last.
            VerifyingKey key = keys.key(logRows);
            if (key.logRows() != logRows || !key.config().equals(config)) {
                throw new InvalidProofException("the verifying key is for 2^" + key.logRows() + " rows under "
                        + key.config() + ", the proof for 2^" + logRows + " rows");
            }
            checkOpening(openings.get(fixed), rows, k * groups.columns(fixed).size(), key.fixedRoot(), treeDepth,
                    config.hash(), fixed);
        }

        long[][] w = deep.weights();
        OodSums sums = OodSums.of(ood, m, compositionColumns, w);
        Ext2 zw = z.mul(TwoAdic.rootOfUnity(logRows));
        long omegaN = TwoAdic.rootOfUnity(logDomain);
        int partRows = 1 << treeDepth;
        for (int ri = 0; ri < rows.length; ri++) {
            for (int part = 0; part < k; part++) {
                Ext2 sys = Ext2.ZERO;
                for (int g = 0; g < groups.count(); g++) {
                    List<Column> cs = groups.columns(g);
                    long[] leaf = openings.get(g).leaves()[ri];
                    for (int c = 0; c < cs.size(); c++) {
                        int j = cs.get(c).index();
                        sys = sys.add(new Ext2(w[0][j], w[1][j]).mul(leaf[part * cs.size() + c]));
                    }
                }
                Ext2 all = sys;
                long[] leaf = openings.get(groups.count()).leaves()[ri];
                for (int c = 0; c < compositionColumns; c++) {
                    all = all.add(new Ext2(w[0][m + c], w[1][m + c]).mul(leaf[part * compositionColumns + c]));
                }
                long x = Goldilocks.mul(TwoAdic.GENERATOR, Goldilocks.pow(omegaN, rows[ri] + (long) part * partRows));
                Ext2 value = DeepComposition.combine(all, sys, sums.allAtZ(), sums.sysAtZw(),
                        Ext2.of(x).sub(z).inverse(), Ext2.of(x).sub(zw).inverse(), delta);
                int at = ri * k + part;
                if (value.c0() != queries.c0()[at] || value.c1() != queries.c1()[at]) {
                    throw new InvalidProofException("the DEEP composition recomputed from the opened columns differs from "
                            + "FRI's value at query point " + (rows[ri] + part * partRows));
                }
            }
        }
    }

    /** The distinct layer-0 rows FRI queried, increasing (the first of every k indices). */
    private static int[] queriedRows(FriQueries queries, int k) {
        int[] idx = queries.domainIndices();
        int[] rows = new int[idx.length / k];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = idx[r * k];
        }
        return rows;
    }

    /** {@code Σ α^i·c_i(z)/Z_i(z) = Σ_j z^(j·n)·(H_j.c0(z) + X·H_j.c1(z))}. */
    private static void checkComposition(ConstraintSystem system, long[] ood, int m, int chunks, int n, Ext2 z,
            Ext2[] challenges, Ext2 alpha) throws InvalidProofException {
        Ext2 sum = OutOfDomain.constraintQuotients(system.constraints(), ood, m, Integer.numberOfTrailingZeros(n), z,
                challenges, alpha);
        if (!sum.equals(OutOfDomain.claimedComposition(ood, m, chunks, z.pow(n)))) {
            throw new InvalidProofException("the constraints at the out-of-domain point do not match the composition "
                    + "polynomial: the trace does not satisfy the constraints, or the claimed values are false");
        }
    }

    private static void checkOpening(StarkProof.Opening o, int[] rows, int width, byte[] root, int depth,
            HashAlgorithm hash, int group) throws InvalidProofException {
        if (o.leaves().length != rows.length) {
            throw new InvalidProofException("commitment " + group + ": " + o.leaves().length + " leaves opened, expected "
                    + rows.length);
        }
        byte[][] digests = new byte[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            if (o.leaves()[r].length != width) {
                throw new InvalidProofException("commitment " + group + ": a leaf of width " + o.leaves()[r].length
                        + ", expected " + width);
            }
            digests[r] = MerkleTree.leafHash(hash, o.leaves()[r]);
        }
        if (!MerkleBatch.verify(hash, root, depth, rows, digests, o.siblings())) {
            throw new InvalidProofException("commitment " + group + ": the opened leaves do not match its root");
        }
    }
}
