package dev.zkjvm.example.proof;

import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.stark.StarkProof;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Programs;
import org.junit.jupiter.api.Test;

class ProofProbeTest {
    @Test
    void memoryOnly() throws Exception {
        Programs.Outcome o = Programs.fibonacci(2000);
        var circuit = Cpu64Circuit.circuit();
        long t0 = System.nanoTime();
        StarkProof p = circuit.prove(o.machine().trace(), dev.zkjvm.example.Cpu64Trace::mnemonicOf, StarkConfig.DEFAULT,
                (s, i, n) -> System.out.printf("%6d ms %s%n", (System.nanoTime() - t0) / 1_000_000, s));
        long t1 = System.nanoTime();
        circuit.verify(p, StarkConfig.DEFAULT);
        long t2 = System.nanoTime();
        circuit.verify(p, StarkConfig.DEFAULT);
        long t3 = System.nanoTime();
        System.out.printf("memory: %d records, prove %d ms, verify %d ms (key derivation included), again %d ms, size %d bytes, rows 2^%d, columns %d, constraints %d%n",
                o.machine().trace().size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, p.toBytes().length, p.logRows(),
                circuit.system().columns().size(), circuit.system().constraints().size());
    }

    @Test
    void probe() throws Exception {
        Programs.Outcome o = Programs.fibonacci(20);
        long t0 = System.nanoTime();
        StarkProof p = Cpu64Circuit.prove(o.runs(), o.machine().trace(), StarkConfig.DEFAULT,
                (s, i, n) -> System.out.printf("%6d ms %s%n", (System.nanoTime() - t0) / 1_000_000, s));
        long t1 = System.nanoTime();
        Cpu64Circuit.verify(o.runs(), p, StarkConfig.DEFAULT);
        long t2 = System.nanoTime();
        Cpu64Circuit.verify(o.runs(), p, StarkConfig.DEFAULT);
        long t3 = System.nanoTime();
        System.out.printf("prove %d ms, verify %d ms (key derivation included), again %d ms, size %d bytes, rows 2^%d, columns %d, constraints %d%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, p.toBytes().length, p.logRows(),
                Cpu64Circuit.circuit(o.runs()).system().columns().size(), Cpu64Circuit.circuit(o.runs()).system().constraints().size());
    }
}
