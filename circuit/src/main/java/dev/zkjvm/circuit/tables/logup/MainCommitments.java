package dev.zkjvm.circuit.tables.logup;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.hash.MerkleTree;
import dev.zkjvm.circuit.hash.Transcript;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.TableSystem;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The checker's way to draw the bus challenges without a proof: commit to every table's MAIN rows
 * (a Merkle tree per table), absorb the system, the heights, the public tuples and every root, then
 * draw α and β. A prover draws them the same way from its own commitment of the tables' low-degree
 * extensions; either way the challenges depend on every MAIN cell of every table.
 */
public final class MainCommitments {
    /** The transcript domain prefix; the system name is appended. */
    public static final String DOMAIN = "zkjvm/tables/check/";
    private static final int ROWS_PER_LEAF = 64;

    private MainCommitments() {
    }

    /** The transcript after the statement and every table's MAIN root, ready to draw from. */
    public static Transcript transcript(SystemTrace trace, PublicTuples publicTuples, HashAlgorithm hash) {
        TableSystem system = trace.system();
        Transcript t = new Transcript(DOMAIN + system.name(), hash);
        t.absorbBytes("tables/system", system.describe().getBytes(StandardCharsets.UTF_8));
        for (Table table : system.tables()) {
            t.absorbLong("tables/height", trace.height(table));
        }
        t.absorbField("tables/public", publicTuples.encode());
        for (Table table : system.tables()) {
            List<Column> main = table.air().columns(Phase.MAIN);
            if (main.isEmpty()) {
                continue;
            }
            long[][] cols = new long[main.size()][];
            for (int i = 0; i < cols.length; i++) {
                cols[i] = trace.columnsUnsafe(table.index())[main.get(i).index()];
            }
            int rows = trace.height(table);
            t.absorbRoot("tables/main-root", MerkleTree.commit(hash, cols, rows, Math.min(rows, ROWS_PER_LEAF)).root());
        }
        return t;
    }

    /** The bus challenges for {@code trace} and its statement. */
    public static BusChallenges draw(SystemTrace trace, PublicTuples publicTuples, HashAlgorithm hash) {
        return BusChallenges.draw(transcript(trace, publicTuples, hash));
    }
}
