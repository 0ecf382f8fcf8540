package dev.zkjvm.circuit.witness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.FixedValues;
import dev.zkjvm.circuit.air.Lookup;
import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.check.Checker;
import dev.zkjvm.circuit.field.Ext2;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WitnessBuilderTest {
    static final int N = 8;

    final ConstraintSystem cs;
    final Column a;
    final Column b;
    final Column c;
    final Lookup lookup;

    WitnessBuilderTest() {
        ConstraintSystemBuilder sb = ConstraintSystem.builder("small");
        a = sb.main("a");
        b = sb.main("b");
        c = sb.main("c");
        Column table = sb.fixed("table", FixedValues.values(10, 20, 30, 40));
        lookup = sb.lookup("a_in_table", a.cur(), table);
        sb.permutation("b_c", List.of(b.cur()), List.of(c.cur()));
        cs = sb.build();
    }

    long[][] mainValues() {
        return new long[][] {
            {10, 20, 20, 40, 40, 40, 10, 30},
            {1, 2, 3, 4, 5, 6, 7, 8},
            {8, 7, 6, 5, 4, 3, 2, 1},
        };
    }

    Witness build(long[][] v, HashAlgorithm h) {
        return WitnessBuilder.of(cs, N).hash(h).set(a, v[0].clone()).set(b, v[1].clone()).set(c, v[2].clone())
                .build();
    }

    @Test
    void multiplicitiesCountEachTableValue() {
        Witness w = build(mainValues(), HashAlgorithm.SHA256);
        // table rows: 10, 20, 30, 40, 40, 40, 40, 40 (padded with the last value)
        assertArrayEquals(new long[] {10, 20, 30, 40, 40, 40, 40, 40}, w.column(cs.column("table")));
        assertArrayEquals(new long[] {2, 2, 1, 3, 0, 0, 0, 0}, w.column(lookup.multiplicity()));
        assertEquals(Ext2.ZERO, w.get(lookup.runningSum(), N - 1));
        assertEquals(Ext2.ONE, w.get(cs.permutations().get(0).product(), N - 1));
        CheckReport r = new Checker(cs).check(w);
        assertTrue(r.isSatisfied(), r.toString());
    }

    @Test
    void challengesComeFromTheCommitment() {
        Witness w = build(mainValues(), HashAlgorithm.SHA256);
        assertArrayEquals(w.challengeValues(),
                WitnessBuilder.drawChallenges(cs, N, w.mainRoot(), HashAlgorithm.SHA256));
        assertEquals(2, cs.challenges().size()); // alpha of the lookup, gamma of the permutation (width 1: no beta)
        for (Ext2 ch : w.challengeValues()) {
            assertFalse(ch.isBase(), "challenges live in GF(p^2): " + ch);
        }
        // same input, same challenges
        assertArrayEquals(w.challengeValues(), build(mainValues(), HashAlgorithm.SHA256).challengeValues());
    }

    @Test
    void changingAnyCommittedCellChangesRootAndEveryChallenge() {
        Witness base = build(mainValues(), HashAlgorithm.SHA256);
        Set<String> roots = new HashSet<>();
        roots.add(Arrays.toString(base.mainRoot()));
        for (int col = 0; col < 3; col++) {
            for (int row = 0; row < N; row++) {
                long[][] v = mainValues();
                v[col][row] = Goldilocks.add(v[col][row], 1);
                Witness w = build(v, HashAlgorithm.SHA256);
                assertTrue(roots.add(Arrays.toString(w.mainRoot())), "root unchanged for cell " + col + "," + row);
                Ext2[] before = base.challengeValues();
                Ext2[] after = w.challengeValues();
                for (int i = 0; i < before.length; i++) {
                    assertNotEquals(before[i], after[i], "challenge " + i + " for cell " + col + "," + row);
                }
            }
        }
    }

    @Test
    void hashChoiceChangesCommitmentAndChallenges() {
        Witness sha = build(mainValues(), HashAlgorithm.SHA256);
        Witness keccak = build(mainValues(), HashAlgorithm.KECCAK256);
        Witness blake = build(mainValues(), HashAlgorithm.BLAKE3);
        assertFalse(Arrays.equals(sha.mainRoot(), keccak.mainRoot()));
        assertFalse(Arrays.equals(sha.mainRoot(), blake.mainRoot()));
        assertNotEquals(sha.challengeValues()[0], keccak.challengeValues()[0]);
        assertNotEquals(sha.challengeValues()[0], blake.challengeValues()[0]);
        for (Witness w : List.of(keccak, blake)) {
            assertTrue(new Checker(cs).check(w).isSatisfied());
        }
    }

    @Test
    void mistakesAreReported() {
        long[][] v = mainValues();
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> WitnessBuilder.of(cs, N).set(a, v[0]).set(b, v[1]).build());
        assertTrue(missing.getMessage().contains("c"));
        assertThrows(IllegalArgumentException.class, () -> WitnessBuilder.of(cs, N).set(a, new long[N - 1]));
        long[] bad = v[2].clone();
        bad[3] = Goldilocks.P;
        IllegalArgumentException nonCanonical = assertThrows(IllegalArgumentException.class,
                () -> WitnessBuilder.of(cs, N).set(a, v[0]).set(b, v[1]).set(c, bad).build());
        assertTrue(nonCanonical.getMessage().contains("row 3"), nonCanonical.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WitnessBuilder.of(cs, 3), "table needs 4 rows");
        assertThrows(IllegalArgumentException.class,
                () -> WitnessBuilder.of(cs, N).set(cs.column("table"), new long[N]), "fixed columns are generated");
        WitnessBuilder once = WitnessBuilder.of(cs, N).set(a, v[0]).set(b, v[1]).set(c, v[2]);
        once.build();
        assertThrows(IllegalStateException.class, once::build);
        assertThrows(IllegalStateException.class, () -> once.set(a, v[0]));
    }

    @Test
    void columnsOnlyCollectsFewerRowsThanTheFixedTablesButBuildsNothing() {
        long[] two = {10, 20};
        WitnessBuilder w = WitnessBuilder.columnsOnly(cs, 2).set(a, two).set(b, new long[2]).set(c, new long[2]);
        assertEquals(2, w.rows());
        assertArrayEquals(two, w.suppliedColumns()[a.index()]);
        IllegalStateException e = assertThrows(IllegalStateException.class, w::build);
        assertTrue(e.getMessage().contains("needs at least 4 rows"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WitnessBuilder.columnsOnly(cs, 0));
    }

    @Test
    void signedValuesAreMapped() {
        long[][] v = mainValues();
        Witness w = WitnessBuilder.of(cs, N).set(a, v[0]).setSigned(b, new long[] {-1, -2, 3, 4, 5, 6, 7, 8})
                .setSigned(c, new long[] {8, 7, 6, 5, 4, 3, -2, -1}).build();
        assertEquals(Goldilocks.P - 1, w.get(b, 0));
        assertTrue(new Checker(cs).check(w).isSatisfied());
    }
}
