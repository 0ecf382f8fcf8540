package dev.zkjvm.circuit.fri;

import dev.zkjvm.circuit.hash.HashAlgorithm;
import dev.zkjvm.circuit.hash.Transcript;
import dev.zkjvm.circuit.util.Parallel;
import java.util.Arrays;

/**
 * A timing probe (not a test, not JMH): commits and proves FRI for random polynomials of degree
 * below {@code N/blowup} on domains of {@code 2^logN} evaluations with the default parameters,
 * and verifies the proof, printing medians. Run:
 * {@code java -cp target/classes:target/test-classes:<bcprov> dev.zkjvm.circuit.fri.FriThroughput [logN...]}.
 */
public final class FriThroughput {
    private FriThroughput() {
    }

    /** Entry point; default sizes 16 and 20. */
    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {16, 20} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (FriParameters params : new FriParameters[] {FriParameters.DEFAULT, new FriParameters(8, 4, 28, 0, 7)}) {
            System.out.printf("workers=%d, params=%s%n", Parallel.parallelism(), params);
            run(params, sizes);
        }
    }

    private static void run(FriParameters params, int[] sizes) {
        for (int logN : sizes) {
            long[][] v = FriFixtures.evaluations(logN, (1 << logN) / params.blowup() - 1, logN);
            int reps = logN >= 22 ? 3 : 5;
            long[] commit = new long[reps];
            long[] prove = new long[reps];
            FriCommitment c = null;
            FriProof proof = null;
            for (int r = 0; r < reps + 1; r++) { // first run is warm-up
                long t0 = System.nanoTime();
                c = FriCommitment.commit(params, HashAlgorithm.SHA256, v[0], v[1]);
                long t1 = System.nanoTime();
                proof = FriProver.prove(c, transcript());
                long t2 = System.nanoTime();
                if (r > 0) {
                    commit[r - 1] = t1 - t0;
                    prove[r - 1] = t2 - t0;
                }
            }
            int vreps = 200;
            long[] verify = new long[vreps];
            for (int r = 0; r < vreps + 50; r++) {
                Transcript t = transcript();
                long t0 = System.nanoTime();
                boolean ok = FriVerifier.verify(params, c.root(), logN, proof, t);
                long t1 = System.nanoTime();
                if (!ok) {
                    throw new IllegalStateException("honest proof rejected");
                }
                if (r >= 50) {
                    verify[r - 50] = t1 - t0;
                }
            }
            System.out.printf("N=2^%d (degree < 2^%d): commit %.1f ms, commit+prove %.1f ms, verify %.2f ms, "
                    + "proof %d bytes, %d layers, nonce %d, security %d bits%n", logN, logN - params.logBlowup(),
                    median(commit) / 1e6, median(prove) / 1e6, median(verify) / 1e6, proof.size(),
                    proof.layerCount(), proof.nonce(), params.securityBits(logN));
        }
    }

    private static Transcript transcript() {
        Transcript t = new Transcript("fri-bench");
        t.absorbLong("statement", 1);
        return t;
    }

    private static double median(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
