package dev.zkjvm.example;

import com.sun.management.OperatingSystemMXBean;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.stark.ProofProgress;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
import dev.zkjvm.runtime.U64;
import java.lang.management.ManagementFactory;

/**
 * The two presets of {@link PresetBenchmark} proved alternately in one JVM, with wall and process
 * CPU time per proof: on a machine shared with other jobs the CPU time compares the presets where
 * wall times taken minutes apart do not. Arguments: fibonacci's n (default 3000) and rounds
 * (default 3). Prints one line per proof.
 */
public final class PresetCpuTime {
    private PresetCpuTime() {
    }

    /** Runs the comparison. */
    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 3000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Programs.Outcome run = StreamFreeFibonacci.run(n);
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(run.runs());
        for (int round = 1; round <= rounds; round++) {
            for (StarkConfig config : new StarkConfig[] {StarkConfig.DEFAULT, StarkConfig.PROVABLE_100}) {
                long wall = System.nanoTime();
                long cpu = os.getProcessCpuTime();
                StarkProof proof = circuit.prove(run.machine().trace(), Cpu64Trace::mnemonicOf, config,
                        ProofProgress.SILENT);
                double proveWall = (System.nanoTime() - wall) / 1e9;
                double proveCpu = (os.getProcessCpuTime() - cpu) / 1e9;
                circuit.verify(proof, config); // the key, once per preset
                wall = System.nanoTime();
                cpu = os.getProcessCpuTime();
                for (int i = 0; i < 10; i++) {
                    circuit.verify(proof, config);
                }
                double verifyWall = (System.nanoTime() - wall) / 1e7;
                double verifyCpu = (os.getProcessCpuTime() - cpu) / 1e7;
                System.out.printf("round %d %s: prove %.1f s wall, %.1f s CPU; verify %.1f ms wall, %.1f ms CPU"
                        + " (mean of 10, key cached); %d bytes; %s%n", round,
                        config == StarkConfig.DEFAULT ? "default" : "provable-100", proveWall, proveCpu, verifyWall,
                        verifyCpu, proof.toBytes().length, config.securitySummary(circuit.system(), proof.logRows()));
            }
        }
    }
}
