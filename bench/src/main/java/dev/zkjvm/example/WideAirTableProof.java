package dev.zkjvm.example;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.air.ConstraintSystem;
import dev.zkjvm.circuit.air.ConstraintSystemBuilder;
import dev.zkjvm.circuit.field.Goldilocks;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.PublicTuples;
import dev.zkjvm.circuit.tables.SystemTrace;
import dev.zkjvm.circuit.tables.SystemTraceBuilder;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.TableSystem;
import dev.zkjvm.circuit.tables.TableSystemBuilder;
import dev.zkjvm.circuit.tables.stark.TableKeys;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.circuit.tables.stark.TableProver;
import dev.zkjvm.circuit.tables.stark.TableVerifier;

/**
 * The Winterfell peer's {@code wide:<cols>:<deg>} AIR (../shared/peers/winterfell/bench) proven on
 * the table STARK: one table of {@code cols} columns, {@code next[i] = cur[i]^deg + cur[(i+1) % cols]},
 * the first row {@code 1, 2, ..., cols}, so that proof sizes and times compare column for column.
 * Winterfell also asserts the last row, which costs it one boundary constraint per column and no
 * column. Arguments: cols, deg, log2 rows, {@code zk} or {@code plain}, rounds (default 1; the
 * first warms up when there are several), FRI's largest remainder degree (default 31, as
 * {@code StarkConfig.DEFAULT} and the peer's runs). Prints one line per proof; meant as the peer
 * script's {@code COMPARE_CMD}.
 */
public final class WideAirTableProof {
    private WideAirTableProof() {
    }

    /** Proves and verifies; prints time, size and the conjectured security. */
    public static void main(String[] args) throws Exception {
        int cols = Integer.parseInt(args[0]);
        int deg = Integer.parseInt(args[1]);
        int logRows = Integer.parseInt(args[2]);
        boolean zk = args.length <= 3 || args[3].equals("zk");
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        int remainder = args.length > 5 ? Integer.parseInt(args[5]) : StarkConfig.DEFAULT.fri().remainderMaxDegree();
        dev.zkjvm.circuit.fri.FriParameters d = StarkConfig.DEFAULT.fri();
        StarkConfig config = new StarkConfig(new dev.zkjvm.circuit.fri.FriParameters(d.blowup(), d.foldingFactor(),
                d.queries(), d.grindingBits(), remainder), StarkConfig.DEFAULT.hash());
        int n = 1 << logRows;
        ConstraintSystemBuilder b = ConstraintSystem.builder("wide");
        Column[] c = new Column[cols];
        for (int i = 0; i < cols; i++) {
            c[i] = b.main("c" + i);
        }
        for (int i = 0; i < cols; i++) {
            b.transition("next" + i, c[i].next().sub(power(c[i], deg).add(c[(i + 1) % cols].cur())));
            b.firstRow("first" + i, c[i].cur().sub(i + 1));
        }
        TableSystemBuilder sb = TableSystem.builder("wide");
        Table table = sb.table(b.build());
        TableSystem system = sb.build();
        long[][] v = new long[cols][n];
        for (int i = 0; i < cols; i++) {
            v[i][0] = i + 1;
        }
        for (int r = 1; r < n; r++) {
            for (int i = 0; i < cols; i++) {
                v[i][r] = Goldilocks.add(Goldilocks.pow(v[i][r - 1], deg), v[(i + 1) % cols][r - 1]);
            }
        }
        SystemTraceBuilder tb = SystemTrace.builder(system).height(table, n);
        for (int i = 0; i < cols; i++) {
            tb.set(table, c[i], v[i]);
        }
        SystemTrace trace = tb.build();
        TableKeys.ProvingKey key = TableKeys.derive(system, config, zk);
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            TableProof proof = TableProver.prove(key, trace, PublicTuples.NONE);
            long t1 = System.nanoTime();
            byte[] bytes = proof.toBytes();
            TableVerifier.verify(key.verifyingKey(), PublicTuples.NONE, TableProof.fromBytes(bytes));
            long t2 = System.nanoTime();
            System.out.printf("wide:%d:%d 2^%d %s, remainder degree %d: prove %.2f s, verify %.1f ms, %d bytes, %.1f"
                    + " conjectured bits%n", cols, deg, logRows, zk ? "zero-knowledge" : "plain", remainder,
                    (t1 - t0) / 1e9, (t2 - t1) / 1e6, bytes.length, key.verifyingKey().conjecturedSecurityBits(proof));
        }
    }

    private static dev.zkjvm.circuit.air.Expr power(Column c, int deg) {
        dev.zkjvm.circuit.air.Expr e = c.cur();
        for (int i = 1; i < deg; i++) {
            e = e.mul(c.cur());
        }
        return e;
    }
}
