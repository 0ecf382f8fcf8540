package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.TableSystem;
import dev.zkjvm.circuit.tables.stark.TableProof;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;

/** What the command line says about proof files of either kind, and how it tells them apart. */
final class ProofFiles {
    private ProofFiles() {
    }

    /**
     * The file of the output words beside a proof file: {@code name.proof} gives {@code name.output},
     * any other name gets {@code .output} appended.
     */
    static Path outputFileOf(Path proofFile) {
        String name = proofFile.getFileName().toString();
        String base = name.endsWith(".proof") ? name.substring(0, name.length() - ".proof".length()) : name;
        return proofFile.resolveSibling(base + ".output");
    }

    /**
     * Whether a proof file holds a table proof: both formats open with their version as a 4-byte
     * integer, and the two versions differ (anything else is read as a one-table proof, whose
     * reader names the version it found).
     */
    static boolean isSegmentedProof(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'Z' && bytes[1] == 'K' && bytes[2] == 'S' && bytes[3] == 'G';
    }

    static boolean isTableProof(byte[] bytes) {
        if (bytes.length < 4 || TableProof.VERSION == StarkProof.VERSION) {
            return false;
        }
        return java.nio.ByteBuffer.wrap(bytes).getInt() == TableProof.VERSION;
    }

    /** {@link #describeTables(TableSystem, TableProof)} in the range layout the proof was made in. */
    static String describeTables(MachineCircuit<?> circuit, TableProof proof) {
        return describeTables(circuit.tables(circuit.rangeLayoutOf(proof)).system(), proof);
    }

    /** Each table with its height and columns: {@code main 2^9 x 320, range16 2^16 x 2 (preprocessed), ...}. */
    private static String describeTables(TableSystem system, TableProof proof) {
        int[] heights = proof.heights();
        List<String> parts = new ArrayList<>();
        for (Table t : system.tables()) {
            int h = heights[t.index()];
            parts.add(t.name() + " 2^" + Integer.numberOfTrailingZeros(h) + " x " + t.columns().size()
                    + (t.isPreprocessed() ? " (preprocessed)" : ""));
        }
        return String.join(", ", parts);
    }

    /** The conjectured security of a table proof and the parameters that give it. */
    static String tableSecurityLine(StarkConfig config, MachineCircuit<?> circuit, TableProof proof) {
        double bits = circuit.tableKey(config, proof.zeroKnowledge(), circuit.rangeLayoutOf(proof)).verifyingKey()
                .conjecturedSecurityBits(proof);
        return "security:   " + (int) Math.floor(bits) + " bits conjectured (the provable level is computed for"
                + " --one-table proofs only); blowup " + config.fri().blowup() + ", " + config.fri().queries()
                + " queries, " + config.fri().grindingBits() + " bits of grinding, " + config.hash();
    }
}
