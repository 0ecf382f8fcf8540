package dev.zkjvm.example.circuit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.Phase;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.witness.Witness;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import dev.zkjvm.example.circuit.Subjects.Subject;
import dev.zkjvm.runtime.U64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fiat-Shamir binding of a machine witness: changing any single committed MAIN cell (one cell of
 * every MAIN column, the lookups' multiplicity columns included, at rows spread over the table,
 * plus the first and last rows) changes the Merkle root and every challenge. The witness is built
 * through the circuit's own builder each time, as a prover would.
 */
class ChallengeBindingTest {
    @Test
    void everyCommittedMainCellMovesRootAndChallenges() {
        Subject<U64> s = Subjects.fibonacci();
        Witness honest = s.circuit().witness(s.trace());
        byte[] root = honest.mainRoot();
        Ext2[] challenges = honest.challengeValues();
        assertTrue(challenges.length > 0);
        int rows = honest.rows();

        // Rebuilding the same trace gives the same root and challenges (the transcript is deterministic).
        Witness again = s.circuit().witness(s.trace());
        assertArrayEquals(root, again.mainRoot());
        assertArrayEquals(challenges, again.challengeValues());

        List<Column> main = honest.system().columns(Phase.MAIN);
        List<int[]> cells = new ArrayList<>();   // column position in main, row
        for (int i = 0; i < main.size(); i++) {
            cells.add(new int[] {i, (int) ((main.get(i).index() * 7919L + 13) % rows)});
        }
        cells.add(new int[] {0, 0});
        cells.add(new int[] {0, rows - 1});
        cells.add(new int[] {main.size() - 1, rows - 1});
        for (int[] cell : cells) {
            Column c = main.get(cell[0]);
            int row = cell[1];
            WitnessBuilder b = s.circuit().witnessBuilder(s.trace());
            long[] column = LocalCheck.columnsOf(b)[c.index()];
            if (column == null) {
                // a multiplicity column: the builder would compute it, so supply a changed one
                column = honest.column(c).clone();
                b.set(c, column);
            }
            column[row] = Goldilocks.add(column[row], 1);
            Witness w = b.build();
            String where = c.name() + " row " + row;
            assertEquals(Goldilocks.add(honest.get(c, row), 1), w.get(c, row), where);
            assertFalse(Arrays.equals(root, w.mainRoot()), "root unchanged by " + where);
            Ext2[] moved = w.challengeValues();
            for (int k = 0; k < challenges.length; k++) {
                assertNotEquals(challenges[k], moved[k], "challenge " + honest.system().challenges().get(k).name()
                        + " unchanged by " + where);
            }
            assertArrayEquals(moved, WitnessBuilder.drawChallenges(honest.system(), rows, w.mainRoot(), w.hash()),
                    "challenges are those of the new root");
        }
    }
}
