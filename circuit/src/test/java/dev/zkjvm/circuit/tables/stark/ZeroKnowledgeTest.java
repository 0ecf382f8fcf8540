package dev.zkjvm.circuit.tables.stark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.fri.FriParameters;
import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.poly.TwoAdic;
import dev.zkjvm.circuit.stark.InvalidProofException;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.TableSystem;
import dev.zkjvm.circuit.tables.TableSystemBuilder;
import dev.zkjvm.circuit.tables.TablesFixture;
import dev.zkjvm.circuit.tables.commit.MixedHeightTree;
import dev.zkjvm.circuit.tables.commit.MixedBatchOpening;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Zero knowledge on and off: both kinds prove and verify, a key accepts only its own kind, hiding
 * proofs of one statement differ, and the attack that reads a secret trace cell off a plain
 * proof's openings (interpolating the revealed evaluations of its column) fails on a hiding one.
 */
class ZeroKnowledgeTest {
    private static final int ROWS = 16;
    private static final StarkConfig TEST = new StarkConfig(new FriParameters(4, 4, 8, 0, 7), HashAlgorithm.DEFAULT);
    /** Enough queries that a plain proof of a 16-row table reveals more than 16 points of a column. */
    private static final StarkConfig ATTACKED = new StarkConfig(new FriParameters(4, 4, 40, 0, 7),
            HashAlgorithm.DEFAULT);

    @Test
    void proofsWithAndWithoutZeroKnowledgeVerify() throws InvalidProofException {
        for (boolean zk : new boolean[] {false, true}) {
            SmallSystem s = new SmallSystem();
            TableKeys.ProvingKey key = TableKeys.derive(s.system, TEST, zk);
            TableProof proof = TableProver.prove(key, s.trace(), s.statement());
            assertEquals(zk, proof.zeroKnowledge());
            TableProof decoded = TableProof.fromBytes(proof.toBytes());
            TableVerifier.verify(key.verifyingKey(), s.statement(), decoded);

            TablesFixture f = new TablesFixture();
            TableKeys.ProvingKey fk = TableKeys.derive(f.system, TEST, zk);
            TableVerifier.verify(fk.verifyingKey(), f.statement(), TableProver.prove(fk, f.honestTrace(), f.statement()));
        }
    }

    @Test
    void aDegreeThreeTableWhoseCompositionIsJustAboveTwiceItsHeightProves() throws InvalidProofException {
        // x' = x³ + y, y' = y³ + x: with zero knowledge the composition has degree 2n + 3h, which
        // TableComposition evaluates on 2n points plus a small coset instead of 4n
        ConstraintSystemBuilder b = ConstraintSystem.builder("cubes");
        Column x = b.main("x");
        Column y = b.main("y");
        b.transition("x_next", x.next().sub(x.cur().mul(x.cur()).mul(x.cur()).add(y.cur())));
        b.transition("y_next", y.next().sub(y.cur().mul(y.cur()).mul(y.cur()).add(x.cur())));
        b.firstRow("x_first", x.cur().sub(1));
        TableSystemBuilder sb = TableSystem.builder("cubes");
        Table table = sb.table(b.build());
        TableSystem system = sb.build();
        int n = 1 << 12;
        long[] xs = new long[n];
        long[] ys = new long[n];
        xs[0] = 1;
        ys[0] = 2;
        for (int i = 1; i < n; i++) {
            xs[i] = Goldilocks.add(Goldilocks.mul(Goldilocks.mul(xs[i - 1], xs[i - 1]), xs[i - 1]), ys[i - 1]);
            ys[i] = Goldilocks.add(Goldilocks.mul(Goldilocks.mul(ys[i - 1], ys[i - 1]), ys[i - 1]), xs[i - 1]);
        }
        SystemTrace trace = SystemTrace.builder(system).height(table, n).set(table, x, xs).set(table, y, ys).build();
        TableKeys.ProvingKey key = TableKeys.derive(system, TEST, true);
        SystemShape shape = new SystemShape(ShareMasking.masked(system), TEST, true, new int[] {12, 0});
        TableShape ts = shape.tables.get(0);
        assertEquals(n, ts.polyRows, "the table keeps its own domain");
        assertTrue(ts.compositionBound > 2 * n && ts.compositionBound - 2 * n <= n / 4, "bound " + ts.compositionBound);
        TableVerifier.verify(key.verifyingKey(), PublicTuples.NONE, TableProver.prove(key, trace, PublicTuples.NONE));
        // and a trace that breaks a constraint, proven without the check, is rejected
        long[] bad = ys.clone();
        bad[n / 2] = Goldilocks.add(bad[n / 2], 1);
        SystemTrace broken = SystemTrace.builder(system).height(table, n).set(table, x, xs).set(table, y, bad).build();
        TableProof forged = TableProver.prove(key, broken, PublicTuples.NONE, w -> {
        }, ForgedTableProofTest::truncatedChunks);
        assertFalse(TableVerifier.isValid(key.verifyingKey(), PublicTuples.NONE, forged));
    }

    @Test
    void zeroKnowledgeKeepsTheConjecturedSecurityWithAnExtraQuery() {
        SmallSystem s = new SmallSystem();
        StarkConfig config = StarkConfig.DEFAULT;
        TableKeys.ProvingKey plain = TableKeys.derive(s.system, config, false);
        TableKeys.ProvingKey hiding = TableKeys.derive(s.system, config, true);
        double plainBits = plain.verifyingKey().conjecturedSecurityBits(TableProver.prove(plain, s.trace(), s.statement()));
        double hidingBits = hiding.verifyingKey().conjecturedSecurityBits(
                TableProver.prove(hiding, s.trace(), s.statement()));
        assertEquals(100.0, plainBits, 1e-9, "40 queries of 2 bits and 20 grinding bits");
        assertTrue(hidingBits >= plainBits, "41 queries at rate (1 + 1/64)/4: " + hidingBits);
    }

    @Test
    void aKeyAcceptsOnlyItsOwnKindOfProof() {
        SmallSystem s = new SmallSystem();
        TableKeys.ProvingKey plain = TableKeys.derive(s.system, TEST, false);
        TableKeys.ProvingKey hiding = TableKeys.derive(s.system, TEST, true);
        TableProof plainProof = TableProver.prove(plain, s.trace(), s.statement());
        TableProof hidingProof = TableProver.prove(hiding, s.trace(), s.statement());
        InvalidProofException e = assertThrows(InvalidProofException.class,
                () -> TableVerifier.verify(hiding.verifyingKey(), s.statement(), plainProof));
        assertTrue(e.getMessage().contains("zero-knowledge proofs only"), e.getMessage());
        assertFalse(TableVerifier.isValid(plain.verifyingKey(), s.statement(), hidingProof));
        // the flag is bound by the transcript too: flipping it in the bytes breaks the proof
        byte[] bytes = hidingProof.toBytes();
        bytes[4] = 0;
        assertFalse(valid(plain, s, bytes));
    }

    private static boolean valid(TableKeys.ProvingKey key, SmallSystem s, byte[] bytes) {
        try {
            return TableVerifier.isValid(key.verifyingKey(), s.statement(), TableProof.fromBytes(bytes));
        } catch (InvalidProofException e) {
            return false;
        }
    }

    @Test
    void twoHidingProofsOfOneStatementDiffer() {
        SmallSystem s = new SmallSystem();
        TableKeys.ProvingKey hiding = TableKeys.derive(s.system, TEST, true);
        byte[] first = TableProver.prove(hiding, s.trace(), s.statement()).toBytes();
        byte[] second = TableProver.prove(hiding, s.trace(), s.statement()).toBytes();
        assertFalse(Arrays.equals(first, second));
        TableKeys.ProvingKey plain = TableKeys.derive(s.system, TEST, false);
        assertTrue(Arrays.equals(TableProver.prove(plain, s.trace(), s.statement()).toBytes(),
                TableProver.prove(plain, s.trace(), s.statement()).toBytes()), "a plain proof is deterministic");
    }

    @Test
    void aHidingProofMasksEveryTablesShareButNotTheirSum() throws InvalidProofException {
        SmallSystem s = new SmallSystem();
        TableKeys.ProvingKey hiding = TableKeys.derive(s.system, TEST, true);
        TableProof first = TableProver.prove(hiding, s.trace(), s.statement());
        TableProof second = TableProver.prove(hiding, s.trace(), s.statement());
        assertEquals(s.system.tables().size() + 1, first.logHeights.length, "the masking table is proven too");
        assertEquals(s.system.tables().size(), first.heights().length, "and not listed");
        for (int t = 0; t < s.system.tables().size(); t++) {
            assertNotEquals(first.shares()[t], second.shares()[t], "table " + t + "'s share is masked afresh");
        }
        TableVerifier.verify(hiding.verifyingKey(), s.statement(), first);
        TableVerifier.verify(hiding.verifyingKey(), s.statement(), second);
        TableKeys.ProvingKey plain = TableKeys.derive(s.system, TEST, false);
        assertArrayEquals(TableProver.prove(plain, s.trace(), s.statement()).shares(),
                TableProver.prove(plain, s.trace(), s.statement()).shares());
        // the masking bus is a bus of its own: a proof whose masks do not cancel is rejected
        SystemTrace masked = ShareMasking.trace(s.trace(), ShareMasking.masked(s.system),
                ProverRandomness.fromSeed(new byte[32]));
        Table masks = masked.system().table(ShareMasking.TABLE);
        masked.columnsUnsafe(masks.index())[0][0] = Goldilocks.add(masked.columnsUnsafe(masks.index())[0][0], 1);
        assertFalse(new dev.zkjvm.circuit.tables.check.TableSystemChecker(masked.system()).check(masked, s.statement())
                .isSatisfied());
    }

    /** A table of {@value #ROWS} rows whose column {@code secret} is the witness; {@code square} = secret². */
    private static final class SecretSystem {
        final TableSystem system;
        final Table table;
        final Column secret;
        final Column square;
        final long[] secrets = new long[ROWS];

        SecretSystem() {
            ConstraintSystemBuilder b = ConstraintSystem.builder("witness");
            secret = b.main("secret");
            square = b.main("square");
            b.everyRow("square_of_secret", square.cur().sub(secret.cur().mul(secret.cur())));
            TableSystemBuilder s = TableSystem.builder("secrets");
            table = s.table(b.build());
            system = s.build();
            SplittableRandom rnd = new SplittableRandom(7);
            for (int i = 0; i < secrets.length; i++) {
                secrets[i] = rnd.nextLong(1L << 62);
            }
        }

        SystemTrace trace() {
            long[] squares = new long[secrets.length];
            for (int i = 0; i < secrets.length; i++) {
                squares[i] = Goldilocks.mul(secrets[i], secrets[i]);
            }
            return SystemTrace.builder(system).height(table, secrets.length).set(table, secret, secrets)
                    .set(table, square, squares).build();
        }
    }

    @Test
    void interpolatingTheOpenedValuesRecoversASecretFromAPlainProofButNotFromAHidingOne() {
        SecretSystem s = new SecretSystem();
        long[] expected = s.secrets;

        TableProof plain = TableProver.prove(TableKeys.derive(s.system, ATTACKED, false), s.trace(), PublicTuples.NONE);
        Map<Long, Long> revealed = revealedEvaluations(s, plain, false);
        assertTrue(revealed.size() >= ROWS, "the plain proof reveals " + revealed.size() + " points");
        long[] recovered = rowsFrom(revealed, ROWS);
        assertArrayEquals(expected, recovered, "the attack reads every secret cell off the plain proof");

        TableProof hiding = TableProver.prove(TableKeys.derive(s.system, ATTACKED, true), s.trace(), PublicTuples.NONE);
        Map<Long, Long> hidden = revealedEvaluations(s, hiding, true);
        assertTrue(hidden.size() >= ROWS, "the hiding proof reveals " + hidden.size() + " points");
        long[] guessed = rowsFrom(hidden, ROWS);
        for (int i = 0; i < ROWS; i++) {
            assertNotEquals(expected[i], guessed[i], "row " + i + " recovered from " + ROWS + " points");
        }
        // with every revealed point (fewer than the randomiser's coefficients) the guess is no better
        long[] all = rowsFrom(hidden, hidden.size());
        for (int i = 0; i < ROWS; i++) {
            assertNotEquals(expected[i], all[i], "row " + i + " recovered from all " + hidden.size() + " points");
        }
    }

    /**
     * What an attacker reads off the proof: the MAIN tree's opened leaves at the query points (which
     * the public transcript gives), each leaf's value of column {@code secret} at its coset point
     * {@code 7·ω_L^i}.
     */
    private static Map<Long, Long> revealedEvaluations(SecretSystem s, TableProof proof, boolean zk) {
        SystemShape shape = new SystemShape(zk ? ShareMasking.masked(s.system) : s.system, ATTACKED, zk,
                proof.logHeights);
        TableShape ts = shape.tables.get(0);
        PhaseCommitment.Layout layout = TableVerifier.layout(shape, Commitment.MAIN);
        int top = Arrays.stream(layout.rows()).max().getAsInt();
        int secretAt = Arrays.binarySearch(ts.columns(Commitment.MAIN), s.secret.index());
        long omega = TwoAdic.rootOfUnity(Integer.numberOfTrailingZeros(ts.ldeSize));
        Map<Long, Long> out = new LinkedHashMap<>();
        // the MAIN tree's opened rows are the distinct rows of the query points, which anyone derives
        // from the public transcript as the verifier does
        MixedBatchOpening main = proof.openings[0];
        int[] points;
        try {
            points = TableVerifier.check(TableKeys.derive(s.system, ATTACKED, zk).verifyingKey(), PublicTuples.NONE, proof);
        } catch (InvalidProofException e) {
            throw new AssertionError(e);
        }
        int[] opened = PhaseCommitment.treeRows(points, top);
        for (int q : points) {
            // every point of an opened leaf is revealed, also those of a folded leaf that no query asked for
            int r = Arrays.binarySearch(opened, q & (top - 1));
            int g = layout.factors()[0];
            int rows = layout.rows()[0];
            for (int j = 0; j < g; j++) {
                int point = (q & (rows - 1)) + j * rows;
                long x = Goldilocks.mul(TwoAdic.GENERATOR, Goldilocks.pow(omega, point % ts.ldeSize));
                out.put(x, TableVerifier.pointValues(layout, main.leaves()[r], point)[0][secretAt]);
            }
        }
        assertTrue(MixedHeightTree.verifyBatch(ATTACKED.hash(), proof.mainRoot, layout.rows(), layout.widths(), opened,
                main));
        return out;
    }

    /** The polynomial through the first {@code count} points, at the trace rows {@code ω_n^i}. */
    private static long[] rowsFrom(Map<Long, Long> points, int count) {
        List<long[]> ps = new ArrayList<>();
        for (Map.Entry<Long, Long> e : points.entrySet()) {
            if (ps.size() < count) {
                ps.add(new long[] {e.getKey(), e.getValue()});
            }
        }
        long[] rows = new long[ROWS];
        long w = TwoAdic.rootOfUnity(Integer.numberOfTrailingZeros(ROWS));
        for (int i = 0; i < ROWS; i++) {
            rows[i] = lagrange(ps, Goldilocks.pow(w, i));
        }
        return rows;
    }

    private static long lagrange(List<long[]> ps, long x) {
        long sum = 0;
        for (int i = 0; i < ps.size(); i++) {
            long num = 1;
            long den = 1;
            for (int j = 0; j < ps.size(); j++) {
                if (j != i) {
                    num = Goldilocks.mul(num, Goldilocks.sub(x, ps.get(j)[0]));
                    den = Goldilocks.mul(den, Goldilocks.sub(ps.get(i)[0], ps.get(j)[0]));
                }
            }
            sum = Goldilocks.add(sum, Goldilocks.mul(ps.get(i)[1], Goldilocks.mul(num, Goldilocks.inverse(den))));
        }
        return sum;
    }
}
