package dev.zkjvm.circuit.tables.stark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.ExtColumn;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.logup.BusBalance;
import dev.zkjvm.circuit.tables.logup.LogupWitness;
import dev.zkjvm.circuit.tables.logup.TableAir;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Proofs changed after the fact, and cheating provers (in this test code only), are rejected. */
class ForgedTableProofTest {
    /** Four queries, no grinding: a small proof to flip byte by byte. */
    private static final StarkConfig TINY = new StarkConfig(new FriParameters(4, 4, 4, 0, 7), HashAlgorithm.DEFAULT);

    private final SmallSystem s = new SmallSystem();

    private TableProof honest() {
        return TableProver.prove(s.trace(), s.statement(), TINY);
    }

    private boolean valid(TableProof p) {
        return TableVerifier.isValid(s.system, TINY, s.statement(), p);
    }

    @Test
    void honestProofOfHeights16And4And1Verifies() {
        assertTrue(valid(honest()));
    }

    @Test
    @Tag("slow")     // one verification per byte of a proof: the full suite runs it, -Pquick does not
    void everyByteFlippedIsRejected() {
        byte[] bytes = honest().toBytes();
        int accepted = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte[] b = bytes.clone();
            b[i] ^= 0x01;
            try {
                if (valid(TableProof.fromBytes(b))) {
                    accepted++;
                }
            } catch (InvalidProofException e) {
                // rejected while decoding
            }
        }
        assertEquals(0, accepted, "of " + bytes.length + " bytes");
    }

    @Test
    void changedHeightIsRejected() {
        TableProof p = honest();
        for (int t = 0; t < 3; t++) {
            int[] h = p.logHeights.clone();
            h[t]++;
            assertFalse(valid(withHeights(p, h)), "table " + t);
        }
    }

    @Test
    void changedShareIsRejected() {
        TableProof p = honest();
        Ext2[] shares = p.shares.clone();
        shares[1] = shares[1].add(Ext2.ONE);
        shares[2] = shares[2].sub(Ext2.ONE); // the sum still balances
        TableProof forged = new TableProof(p.zeroKnowledge, p.logHeights, p.mainRoot, p.auxRoot, p.compositionRoot, p.friRoot, shares,
                p.ood, p.fri, p.openings);
        assertFalse(valid(forged));
    }

    @Test
    void skippedTableIsRejected() {
        TableProof p = honest();
        int tables = p.logHeights.length; // the system's three, and the masking table of zero knowledge
        int[] keep = java.util.stream.IntStream.range(0, tables).filter(t -> t != 1).toArray();
        TableProof skipped = new TableProof(p.zeroKnowledge, pick(p.logHeights, keep), p.mainRoot, p.auxRoot,
                p.compositionRoot, p.friRoot, java.util.Arrays.stream(keep).mapToObj(t -> p.shares[t]).toArray(Ext2[]::new),
                java.util.Arrays.stream(keep).mapToObj(t -> p.ood[t]).toArray(long[][]::new), p.fri, p.openings);
        InvalidProofException e = assertThrows(InvalidProofException.class,
                () -> TableVerifier.verify(s.system, TINY, s.statement(), skipped));
        assertTrue(e.getMessage().contains((tables - 1) + " heights for " + tables + " tables"), e.getMessage());
    }

    @Test
    void reorderedTablesAreRejected() {
        TableProof p = honest();
        int[] order = java.util.stream.IntStream.range(0, p.logHeights.length).toArray();
        order[0] = 1;
        order[1] = 0;
        TableProof swapped = new TableProof(p.zeroKnowledge, pick(p.logHeights, order), p.mainRoot, p.auxRoot,
                p.compositionRoot, p.friRoot, java.util.Arrays.stream(order).mapToObj(t -> p.shares[t]).toArray(Ext2[]::new),
                java.util.Arrays.stream(order).mapToObj(t -> p.ood[t]).toArray(long[][]::new), p.fri, p.openings);
        assertFalse(valid(swapped));
    }

    private static int[] pick(int[] a, int[] order) {
        return java.util.Arrays.stream(order).map(i -> a[i]).toArray();
    }

    @Test
    void proverThatForgesARunningSumIsRejected() {
        SystemTrace t = s.trace();
        t.set(s.steps, s.x, 5, 99); // sends 99, which no table receives
        // The cheater moves the steps table's running sum on its last row so that its share balances the buses and
        // cuts the composition polynomial down to its degree bound instead of refusing.
        dev.zkjvm.circuit.tables.logup.BusChallenges[] drawn = new dev.zkjvm.circuit.tables.logup.BusChallenges[1];
        TableProof forged = TableProver.prove(TableKeys.derive(s.system, TINY), t, s.statement(), w -> {
            drawn[0] = w.challenges();
            TableAir air = w.airs().get(s.steps.index());
            ExtColumn sum = air.runningSum();
            long[][] cols = w.columnsUnsafe(s.steps.index());
            Ext2 imbalance = BusBalance.imbalance(w.shares(), s.statement(), w.challenges());
            // the share is n times the last row's step: moving the sum there by x/n moves the share by x
            long inverse = Goldilocks.inverse(16);
            cols[sum.c0().index()][15] = Goldilocks.sub(cols[sum.c0().index()][15], Goldilocks.mul(imbalance.c0(), inverse));
            cols[sum.c1().index()][15] = Goldilocks.sub(cols[sum.c1().index()][15], Goldilocks.mul(imbalance.c1(), inverse));
        }, ForgedTableProofTest::truncatedChunks);
        // the forged shares pass the balance check; the composition identity catches the forged row
        assertEquals(Ext2.ZERO, BusBalance.imbalance(forged.shares, s.statement(), drawn[0]));
        InvalidProofException e = assertThrows(InvalidProofException.class,
                () -> TableVerifier.verify(s.system, TINY, s.statement(), forged));
        assertTrue(e.getMessage().contains("composition"), e.getMessage());
    }

    @Test
    void proverThatIgnoresAnUnbalancedBusIsRejected() {
        SystemTrace t = s.trace();
        t.set(s.steps, s.x, 5, 99);
        TableProof p = TableProver.prove(TableKeys.derive(s.system, TINY), t, s.statement(), w -> {
        }, TableComposition::chunks);
        InvalidProofException e = assertThrows(InvalidProofException.class,
                () -> TableVerifier.verify(s.system, TINY, s.statement(), p));
        assertTrue(e.getMessage().contains("do not balance"), e.getMessage());
    }

    @Test
    void proverOfATupleReceivedTwiceIsRejected() {
        SystemTrace t = s.trace();
        t.set(s.values, s.m, 0, 7); // 10 is sent six times, received seven
        assertFalse(new dev.zkjvm.circuit.tables.check.TableSystemChecker(s.system).check(t, s.statement())
                .isSatisfied());
        TableProof p = TableProver.prove(TableKeys.derive(s.system, TINY), t, s.statement(), w -> {
        }, TableComposition::chunks);
        assertFalse(valid(p));
    }

    @Test
    void oneRowTableProvesWithItsCyclicLogupStep() {
        // at one row the LogUp step reads the row itself as its next: s' - s = 0, so share = the row's fractions
        TableShape shape = new SystemShape(s.system, TINY, true, new int[] {4, 2, 0}).tables.get(s.result.index());
        assertEquals(1, shape.rows);
        assertTrue(shape.constraints.stream().anyMatch(c -> c.name().equals("logup.step")
                && c.kind() == dev.zkjvm.circuit.air.ConstraintKind.EVERY_ROW));
        assertTrue(valid(honest()));
    }

    /** A cheating composition stage: keeps the coefficients below the bound, drops the rest. */
    static long[][] truncatedChunks(TableShape t, long[][] extended, int blowup, Ext2[] challenges,
            Ext2 lambda) {
        long[][] coefficients = TableComposition.coefficients(t, extended, challenges, lambda);
        int p = t.polyRows;
        long[][] out = new long[2 * t.chunks][];
        for (int coord = 0; coord < 2; coord++) {
            long[] v = coefficients[coord];
            for (int j = 0; j < t.chunks; j++) {
                int to = j + 1 < t.chunks ? (j + 1) * p : Math.max(j * p + 1, t.compositionBound);
                out[2 * j + coord] = Arrays.copyOfRange(v, j * p, to);
            }
        }
        return out;
    }

    private static TableProof withHeights(TableProof p, int[] h) {
        return new TableProof(p.zeroKnowledge, h, p.mainRoot, p.auxRoot, p.compositionRoot, p.friRoot, p.shares, p.ood, p.fri,
                p.openings);
    }

    private static int[] permute(int[] a, int[] order) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[order[i]];
        }
        return out;
    }
}
