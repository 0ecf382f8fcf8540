package dev.zkjvm.circuit.bench;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.air.Expr;
import dev.zkjvm.circuit.air.FixedValues;
import dev.zkjvm.circuit.check.CheckOptions;
import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.circuit.check.Checker;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.witness.Witness;
import dev.zkjvm.circuit.witness.WitnessBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * A throughput probe (not a test, not JMH): a table of 20 columns (18 MAIN, 2 FIXED) and 30
 * constraints of degree at most 3, all satisfied; prints rows per second of {@link Checker#check}
 * after warm-up. Run: {@code java -cp target/classes:target/test-classes:<bcprov>
 * dev.zkjvm.circuit.bench.CheckerThroughput [rows] [workers]}.
 */
public final class CheckerThroughput {
    private CheckerThroughput() {
    }

    /** Builds the benchmark system ({@code dense} replaces the gates by full degree-3 identities). */
    public static ConstraintSystem system(boolean dense) {
        ConstraintSystemBuilder b = ConstraintSystem.builder("throughput");
        List<Column> c = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            c.add(b.main("c" + i));
        }
        Column sel = b.main("sel");
        Column nsel = b.main("nsel");
        Column first = b.fixed("first", FixedValues.firstRow());
        Column last = b.fixed("last", FixedValues.lastRow());
        b.everyRow("sel.bool", sel.cur().mul(sel.cur().sub(1)));
        b.everyRow("sel.not", sel.cur().add(nsel.cur()).sub(1));
        for (int i = 0; i < 16; i++) {
            // counter columns: c_i' = c_i + (i+1) on every step
            b.transition("step" + i, c.get(i).next().sub(c.get(i).cur()).sub(i + 1));
        }
        for (int i = 0; i < 8; i++) {
            Expr e;
            if (dense) {
                // (x + y)(x - y)z' + -((x² - y²)z') = 0: a sum at the root, five multiplications
                Expr x = c.get(i).cur();
                Expr y = c.get(i + 8).cur();
                Expr z = c.get((i + 3) % 16).next();
                e = x.add(y).mul(x.sub(y)).mul(z).add(x.mul(x).sub(y.mul(y)).mul(z).neg());
            } else {
                // degree 3: sel * (c_i' - c_i - (i+1)) * c_j = 0
                e = sel.cur().mul(c.get(i).next().sub(c.get(i).cur()).sub(i + 1)).mul(c.get(i + 8).cur());
            }
            b.transition("gate" + i, e);
        }
        b.everyRow("excl", sel.cur().mul(nsel.cur()).mul(c.get(3).cur()));
        b.everyRow("first.c0", first.cur().mul(c.get(0).cur()));
        b.everyRow("last.sel", last.cur().mul(sel.cur().add(nsel.cur()).sub(1)));
        b.firstRow("c1.start", c.get(1).cur());
        return b.build();
    }

    /** A satisfying witness of {@code n} rows. */
    public static Witness witness(ConstraintSystem cs, int n) {
        WitnessBuilder wb = WitnessBuilder.of(cs, n);
        for (int i = 0; i < 16; i++) {
            long[] v = new long[n];
            long start = i == 0 || i == 1 ? 0 : 1000L * i;
            for (int r = 0; r < n; r++) {
                v[r] = Goldilocks.add(start, Goldilocks.mul(r, i + 1));
            }
            wb.set(cs.column("c" + i), v);
        }
        long[] s = new long[n];
        long[] ns = new long[n];
        for (int r = 0; r < n; r++) {
            s[r] = r % 2;
            ns[r] = 1 - s[r];
        }
        wb.set(cs.column("sel"), s).set(cs.column("nsel"), ns);
        return wb.build();
    }

    /** Runs the probe. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1 << 22;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        boolean dense = args.length > 2 && args[2].equals("dense");
        ConstraintSystem cs = system(dense);
        long t0 = System.nanoTime();
        Witness w = witness(cs, n);
        long t1 = System.nanoTime();
        long[][] mainCols = cs.columns(dev.zkjvm.circuit.air.Phase.MAIN).stream().map(w::column)
                .toArray(long[][]::new);
        long m0 = System.nanoTime();
        dev.zkjvm.circuit.hash.MerkleTree.commit(dev.zkjvm.circuit.hash.HashAlgorithm.SHA256, mainCols, n);
        System.out.printf("Merkle commit alone: %.1f ms%n", (System.nanoTime() - m0) / 1e6);
        Checker checker = new Checker(cs);
        System.out.printf("mode=%s columns=%d constraints=%d maxDegree=%d instructions=%d slots=%d rows=%d workers=%d%n",
                dense ? "dense" : "gated", cs.columns().size(), cs.constraints().size(), cs.maxDegree(),
                checker.bulkProgram().instructionCount(), checker.bulkProgram().slotCount(), n, workers);
        System.out.printf("witness build (incl. SHA-256 Merkle commit): %.1f ms%n", (t1 - t0) / 1e6);
        CheckOptions opts = CheckOptions.defaults().withParallelism(workers);
        double best = 0;
        for (int iter = 0; iter < 12; iter++) {
            long a = System.nanoTime();
            CheckReport r = checker.check(w, opts);
            long e = System.nanoTime() - a;
            if (!r.isSatisfied()) {
                throw new AssertionError(r.toString());
            }
            double rate = n / (e / 1e9);
            best = Math.max(best, rate);
            System.out.printf("iteration %2d: %7.1f ms  %6.2f M rows/s%n", iter, e / 1e6, rate / 1e6);
        }
        System.out.printf("best: %.2f M rows/s%n", best / 1e6);
    }
}
