package dev.zkjvm.circuit.stark;

import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.fri.FriVerifier;
import dev.zkjvm.circuit.fri.InvalidFriProofException;
import dev.zkjvm.circuit.hash.Hasher;
import java.util.List;

/**
 * Everything about a proof's shape that the system, the parameters, the verifier's policy and the
 * claimed trace length fix, checked before the verifier hashes anything or derives a key: the
 * parameters, the length within the policy, the root, out-of-domain value, FRI and opening counts,
 * and every leaf's width. Costs a pass over the proof's arrays and nothing that grows with the
 * claimed length.
 */
final class ProofShape {
    final int logRows;
    final int logDomain;
    final int chunks;
    final ColumnGroups groups;
    final int compositionColumns;
    /** The distinct layer-0 rows FRI opens, which every other commitment opens too. */
    final int openedRows;
    /** The depth of every commitment's Merkle tree (rows of k extended points). */
    final int treeDepth;

    private ProofShape(int logRows, int logDomain, int chunks, ColumnGroups groups, int openedRows, int treeDepth) {
        this.logRows = logRows;
        this.logDomain = logDomain;
        this.chunks = chunks;
        this.groups = groups;
        this.compositionColumns = 2 * chunks;
        this.openedRows = openedRows;
        this.treeDepth = treeDepth;
    }

    /**
     * Checks the shape of {@code proof} for {@code system} under {@code config} and {@code options}.
     *
     * @throws InvalidProofException naming the first count or size that is wrong
     */
    static ProofShape check(ConstraintSystem system, StarkConfig config, VerifyOptions options, StarkProof proof)
            throws InvalidProofException {
        if (!proof.config().equals(config)) {
            throw new InvalidProofException("proof was made with " + proof.config() + ", the verifier requires " + config);
        }
        int logRows = proof.logRows();
        int minLogRows = 32 - Integer.numberOfLeadingZeros(Math.max(1, system.minRows() - 1));
        if (logRows > options.maxLogRows() || logRows < minLogRows) {
            throw new InvalidProofException("proof claims 2^" + logRows + " rows, outside the accepted [2^" + minLogRows
                    + ", 2^" + options.maxLogRows() + "] (" + system.name() + " needs at least " + system.minRows()
                    + " rows; the verifier's policy allows at most 2^" + options.maxLogRows() + ")");
        }
        int chunks;
        try {
            chunks = CompositionShape.chunks(system, logRows, config.blowup());
        } catch (IllegalArgumentException e) {
            throw new InvalidProofException(e.getMessage(), e);
        }
        ColumnGroups groups = new ColumnGroups(system);
        if (groups.groupOf(Phase.MAIN) < 0) {
            throw new InvalidProofException("system " + system.name() + " has no MAIN column, so no proof of it exists");
        }
        int logDomain = logRows + config.fri().logBlowup();
        int m = system.columns().size();
        int compositionColumns = 2 * chunks;

        List<byte[]> roots = proof.roots();
        int expectedRoots = 3 + (groups.groupOf(Phase.AUX) >= 0 ? 1 : 0);
        if (roots.size() != expectedRoots) {
            throw new InvalidProofException("proof has " + roots.size() + " roots, expected " + expectedRoots);
        }
        for (byte[] r : roots) {
            if (r.length != Hasher.DIGEST_SIZE) {
                throw new InvalidProofException("a root has " + r.length + " bytes, expected " + Hasher.DIGEST_SIZE);
            }
        }
        int expectedOod = 4 * m + 2 * compositionColumns;
        if (proof.oodValues().length != expectedOod) {
            throw new InvalidProofException("proof has " + proof.oodValues().length + " out-of-domain values, expected "
                    + expectedOod);
        }
        try {
            FriVerifier.checkShape(config.fri(), logDomain, proof.fri());
        } catch (InvalidFriProofException e) {
            throw new InvalidProofException("FRI: " + e.getMessage(), e);
        }
        int openedRows = proof.fri().openedRowsOfFirstLayer();
        int treeDepth = logDomain - config.fri().logFoldingFactor();
        List<StarkProof.Opening> openings = proof.openings();
        if (openings.size() != groups.count() + 1) {
            throw new InvalidProofException("proof opens " + openings.size() + " commitments, expected "
                    + (groups.count() + 1));
        }
        int k = config.fri().foldingFactor();
        for (int g = 0; g <= groups.count(); g++) {
            int width = k * (g < groups.count() ? groups.columns(g).size() : compositionColumns);
            StarkProof.Opening o = openings.get(g);
            if (o.leaves().length != openedRows) {
                throw new InvalidProofException("commitment " + g + ": " + o.leaves().length + " leaves opened, FRI opens "
                        + openedRows + " rows");
            }
            for (long[] leaf : o.leaves()) {
                if (leaf.length != width) {
                    throw new InvalidProofException("commitment " + g + ": a leaf of width " + leaf.length + ", expected "
                            + width);
                }
            }
            if (o.siblings().length > (long) openedRows * treeDepth) {
                throw new InvalidProofException("commitment " + g + ": " + o.siblings().length
                        + " siblings, the opened paths have at most " + (long) openedRows * treeDepth);
            }
        }
        return new ProofShape(logRows, logDomain, chunks, groups, openedRows, treeDepth);
    }
}
