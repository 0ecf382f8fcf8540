package dev.zkjvm.example;

import dev.zkjvm.circuit.check.CheckOptions;
import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.witness.Witness;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U64;

/**
 * A plain main for profiling (JFR) and quick timings of the checking pipeline, not a benchmark:
 * {@code java -cp target/benchmarks.jar dev.zkjvm.example.CheckerProfile 1000000 5}.
 */
public final class CheckerProfile {
    private CheckerProfile() {
    }

    /** Merkle commitment of {@code width} random columns of {@code rows} rows with every hash. */
    static void merkle(int rows, int width, int reps) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        long[][] cols = new long[width][rows];
        for (long[] c : cols) {
            for (int r = 0; r < rows; r++) {
                c[r] = rnd.nextLong(dev.zkjvm.circuit.field.Goldilocks.P >>> 1);
            }
        }
        for (int i = 0; i < reps; i++) {
            for (dev.zkjvm.circuit.hash.HashAlgorithm h : dev.zkjvm.circuit.hash.HashAlgorithm.values()) {
                long a = System.nanoTime();
                dev.zkjvm.circuit.hash.MerkleTree.commit(h, cols, rows);
                double s = (System.nanoTime() - a) / 1e9;
                System.out.printf("%s: %.3f s, %.0f MB/s of leaf data%n", h, s, rows * (8.0 * width + 1) / s / 1e6);
            }
        }
    }

    /** Arguments: records, repetitions. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("merkle")) {
            merkle(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long t0 = System.nanoTime();
        Trace<U64> trace = CheckerWorkload.trace(records);
        System.out.printf("trace of %d records in %.2f s%n", trace.size(), (System.nanoTime() - t0) / 1e9);
        for (int i = 0; i < reps; i++) {
            long a = System.nanoTime();
            Witness w = Cpu64Circuit.circuit().witness(trace);
            long b = System.nanoTime();
            CheckReport r = Cpu64Circuit.circuit().check(w, trace, Cpu64Trace::mnemonicOf, CheckOptions.defaults());
            long c = System.nanoTime();
            w = null;
            long failures = new ObjectRowChecker(Cpu64Machine.LAYOUT).check(trace);
            long d = System.nanoTime();
            System.out.printf("witness %.3f s, constraints %.3f s, total %.3f s (%.2f M rec/s, ok=%b); "
                            + "baseline %.3f s (%.2f M rec/s, failures=%d)%n",
                    (b - a) / 1e9, (c - b) / 1e9, (c - a) / 1e9, records / ((c - a) / 1e3), r.isSatisfied(),
                    (d - c) / 1e9, records / ((d - c) / 1e3), failures);
        }
    }
}
