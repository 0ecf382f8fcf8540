package dev.zkjvm.circuit.tables.stark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.FixedValues;
import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.Bus;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.TableSystem;
import dev.zkjvm.circuit.tables.TableSystemBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A preprocessed range table (0..15, 16 rows) committed once in the keys, looked into by a table
 * whose height each trace chooses, next to a taller table with no interaction at all (so the
 * tallest table is missing from the preprocessed and the LogUp trees).
 */
class PreprocessedTableTest {
    private static final StarkConfig TEST = new StarkConfig(new FriParameters(4, 4, 8, 0, 7), HashAlgorithm.DEFAULT);

    /** The system, with the given contents of its preprocessed table. */
    static final class RangeSystem {
        final TableSystem system;
        final Table nibbles;
        final Table user;
        final Table clock;
        final Column count;
        final Column value;
        final Column tick;
        final Column v;

        RangeSystem(FixedValues range) {
            ConstraintSystemBuilder r = ConstraintSystem.builder("nibbles");
            v = r.fixed("v", range);
            count = r.main("count");
            ConstraintSystemBuilder u = ConstraintSystem.builder("user");
            value = u.main("value");
            ConstraintSystemBuilder c = ConstraintSystem.builder("clock");
            tick = c.main("tick");
            Column isFirst = c.fixed("isFirst", FixedValues.firstRow()); // a FIXED column the verifier derives
            c.everyRow("tick_zero_on_first_row", isFirst.cur().mul(tick.cur()));
            c.transition("tick_steps", tick.next().sub(tick.cur()).sub(1));
            TableSystemBuilder b = TableSystem.builder("preprocessed");
            nibbles = b.preprocessed(r.build(), 16);
            user = b.table(u.build());
            clock = b.table(c.build());
            Bus nibble = b.bus("nibble", "v");
            b.send("user.value", nibble, user, Expr.constant(1), value.cur());
            b.receive("nibbles.v", nibble, nibbles, count.cur(), v.cur());
            system = b.build();
        }

        SystemTrace trace(int userRows, int clockRows) {
            long[] values = new long[userRows];
            long[] counts = new long[16];
            for (int i = 0; i < userRows; i++) {
                values[i] = (3L * i) % 16;
                counts[(int) values[i]]++;
            }
            long[] ticks = new long[clockRows];
            for (int i = 0; i < clockRows; i++) {
                ticks[i] = i;
            }
            return SystemTrace.builder(system).set(nibbles, count, counts).height(user, userRows)
                    .set(user, value, values).height(clock, clockRows).set(clock, tick, ticks).build();
        }
    }

    private final RangeSystem s = new RangeSystem(FixedValues.range(16));
    private final TableSystem system = s.system;

    private SystemTrace trace(int userRows, int clockRows) {
        return s.trace(userRows, clockRows);
    }

    @Test
    void oneKeyVerifiesProofsOfDifferentHeights() {
        TableKeys.ProvingKey pk = TableKeys.derive(system, TEST);
        assertNotNull(pk.verifyingKey().preprocessedRoot());
        for (int[] h : new int[][] {{8, 64}, {32, 16}, {2, 128}}) {
            TableProof proof = TableProver.prove(pk, trace(h[0], h[1]), PublicTuples.NONE);
            assertArrayEquals(new int[] {16, h[0], h[1]}, proof.heights());
            assertTrue(TableVerifier.isValid(pk.verifyingKey(), PublicTuples.NONE, proof), "heights " + h[0] + ", " + h[1]);
        }
    }

    @Test
    @Tag("slow")     // one verification per byte of a proof: the full suite runs it, -Pquick does not
    void everyByteOfAProofWithAllFiveCommitmentsFlippedIsRejected() throws Exception {
        StarkConfig tiny = new StarkConfig(new FriParameters(4, 4, 4, 0, 7), HashAlgorithm.DEFAULT);
        TableKeys.ProvingKey pk = TableKeys.derive(system, tiny);
        TableProof proof = TableProver.prove(pk, trace(4, 32), PublicTuples.NONE);
        assertEquals(5, proof.openings.length, "preprocessed, fixed, main, aux, composition");
        byte[] bytes = proof.toBytes();
        int accepted = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte[] b = bytes.clone();
            b[i] ^= 0x01;
            try {
                if (TableVerifier.isValid(pk.verifyingKey(), PublicTuples.NONE, TableProof.fromBytes(b))) {
                    accepted++;
                }
            } catch (dev.zkjvm.circuit.stark.InvalidProofException e) {
                // rejected while decoding
            }
        }
        assertEquals(0, accepted, "of " + bytes.length + " bytes");
    }

    @Test
    void preprocessedHeightIsPinned() {
        assertThrows(IllegalArgumentException.class, () -> SystemTrace.builder(system).height(s.nibbles, 32));
        TableProof proof = TableProver.prove(trace(8, 64), PublicTuples.NONE, TEST);
        int[] h = proof.logHeights.clone();
        h[0] = 5;
        TableProof taller = new TableProof(proof.zeroKnowledge, h, proof.mainRoot, proof.auxRoot, proof.compositionRoot, proof.friRoot,
                proof.shares, proof.ood, proof.fri, proof.openings);
        assertFalse(TableVerifier.isValid(system, TEST, PublicTuples.NONE, taller));
    }

    @Test
    void proofMadeWithAnotherPreprocessedTableIsRejected() {
        // A cheating key whose range holds 0..14 and 99 instead of 0..15, under the honest system.
        long[] forged = new long[16];
        for (int i = 0; i < 15; i++) {
            forged[i] = i;
        }
        forged[15] = 99;
        RangeSystem other = new RangeSystem(FixedValues.values(forged));
        TableKeys.ProvingKey otherKey = TableKeys.derive(other.system, TEST);
        TableKeys.ProvingKey honest = TableKeys.derive(system, TEST);
        TableKeys.ProvingKey cheating = new TableKeys.ProvingKey(
                new TableKeys.VerifyingKey(system, TEST, true, otherKey.verifyingKey().preprocessedRoot()),
                otherKey.preprocessed);
        // The cheater's trace agrees with its key: row 15 of the range holds 99, and user sends 99.
        SystemTrace t = trace(8, 64);
        t.columnsUnsafe(s.nibbles.index())[s.v.index()] = forged.clone();
        assertTrue(t.column(s.user, s.value)[5] == 15);
        t.set(s.user, s.value, 5, 99);
        TableProof proof = TableProver.prove(cheating, t, PublicTuples.NONE, w -> {
        }, TableComposition::chunks);
        assertFalse(TableVerifier.isValid(honest.verifyingKey(), PublicTuples.NONE, proof));
        assertTrue(TableVerifier.isValid(cheating.verifyingKey(), PublicTuples.NONE, proof),
                "consistent under the key it was made with");
    }
}
