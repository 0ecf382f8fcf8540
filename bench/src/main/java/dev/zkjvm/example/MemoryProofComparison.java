package dev.zkjvm.example;

import com.sun.management.OperatingSystemMXBean;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.stark.ProofProgress;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U64;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Memory-only proofs of one Cpu64 fibonacci trace on both paths in one JVM, alternately: the
 * one-table STARK ({@code prove}, at least 2^16 rows for the range table) and the multi-table STARK
 * ({@code proveTables}, the main table as tall as the trace), with wall and process CPU time,
 * proof size and verification time (key cached, mean of 10). Arguments: fibonacci's n (default
 * 5, about 100 memory operations) and rounds (default 3; the first warms up). Prints one line per
 * proof.
 */
public final class MemoryProofComparison {
    private MemoryProofComparison() {
    }

    /** Runs the comparison. */
    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        StarkConfig config = StarkConfig.DEFAULT;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Trace<U64> trace = Programs.fibonacci(n).machine().trace();
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit();
        System.out.printf("fibonacci(%d): %d memory operations%n", n, trace.size());
        for (int round = 1; round <= rounds; round++) {
            long wall = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            StarkProof one = circuit.prove(trace, Cpu64Trace::mnemonicOf, config, ProofProgress.SILENT);
            double oneWall = (System.nanoTime() - wall) / 1e9;
            double oneCpu = (os.getProcessCpuTime() - cpu) / 1e9;
            circuit.verify(one, config); // the key, once
            wall = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                circuit.verify(one, config);
            }
            double oneVerify = (System.nanoTime() - wall) / 1e7;
            System.out.printf("round %d one-table: prove %.3f s wall, %.3f s CPU; verify %.2f ms; %d bytes;"
                    + " 2^%d rows%n", round, oneWall, oneCpu, oneVerify, one.toBytes().length, one.logRows());

            wall = System.nanoTime();
            cpu = os.getProcessCpuTime();
            TableProof tables = circuit.proveTables(trace, Cpu64Trace::mnemonicOf, config);
            double tWall = (System.nanoTime() - wall) / 1e9;
            double tCpu = (os.getProcessCpuTime() - cpu) / 1e9;
            circuit.verifyTables(tables, config); // the key, once
            wall = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                circuit.verifyTables(tables, config);
            }
            double tVerify = (System.nanoTime() - wall) / 1e7;
            System.out.printf("round %d tables:    prove %.3f s wall, %.3f s CPU; verify %.2f ms; %d bytes;"
                    + " heights %s%n", round, tWall, tCpu, tVerify, tables.toBytes().length,
                    Arrays.toString(tables.heights()));
        }
    }
}
