package dev.zkjvm.circuit.poly;

import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.util.Parallel;
import java.util.SplittableRandom;

/**
 * A throughput probe (not a test, not JMH): times a forward NTT of {@code 2^logN} elements and a
 * low-degree extension of {@code columns} such columns by {@code blowup}, after warm-up, and
 * prints the median and best of several runs. Run:
 * {@code java -cp target/classes:target/test-classes dev.zkjvm.circuit.poly.NttThroughput [logN] [blowup] [columns] [reps]}.
 */
public final class NttThroughput {
    private NttThroughput() {
    }

    /** Entry point; arguments default to 20, 8, 8, 7. */
    public static void main(String[] args) {
        int logN = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int blowup = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int columns = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        int n = 1 << logN;
        SplittableRandom rnd = new SplittableRandom(42);
        long[][] cols = new long[columns][n];
        for (long[] c : cols) {
            for (int i = 0; i < n; i++) {
                c[i] = Goldilocks.fromUnsigned(rnd.nextLong());
            }
        }
        System.out.printf("workers=%d, n=2^%d, blowup=%d, columns=%d%n", Parallel.parallelism(), logN, blowup, columns);

        long[] a = cols[0].clone();
        report("forward NTT 2^" + logN, reps, () -> Ntt.forward(a));
        report("inverse NTT 2^" + logN, reps, () -> Ntt.inverse(a));
        long[][] batch = new long[columns][];
        report("forward NTT 2^" + logN + " x " + columns + " columns (batch)", reps, () -> {
            for (int c = 0; c < columns; c++) {
                batch[c] = cols[c].clone();
            }
            Ntt.forward(batch);
        });
        long[] sink = new long[1];
        report("LDE 2^" + logN + " x" + blowup + ", 1 column", reps,
                () -> sink[0] += LowDegreeExtension.extend(cols[0], blowup)[1]);
        report("LDE 2^" + logN + " x" + blowup + ", " + columns + " columns", reps,
                () -> sink[0] += LowDegreeExtension.extend(cols, blowup)[0][1]);
        System.out.println("(checksum " + Long.toUnsignedString(sink[0]) + ")");
    }

    private static void report(String label, int reps, Runnable body) {
        for (int i = 0; i < 2; i++) {
            body.run(); // warm-up
        }
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            body.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(ms);
        System.out.printf("%-45s median %8.1f ms   best %8.1f ms%n", label, ms[reps / 2], ms[0]);
    }
}
