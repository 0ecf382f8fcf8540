package dev.zkjvm.example.execution;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.circuit.witness.Witness;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Trace;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.U64;
import org.junit.jupiter.api.Test;

class TimingProbeTest {
    @Test
    void probe() {
        Programs.Outcome o = Programs.fibonacci(20);
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            MachineCircuit<U64> c = Cpu64Circuit.circuit(o.runs());
            long t1 = System.nanoTime();
            Witness w = c.witness(o.machine().trace());
            long t2 = System.nanoTime();
            var r = c.check(w, o.machine().trace(), Cpu64Trace::mnemonicOf, dev.zkjvm.circuit.check.CheckOptions.defaults());
            long t3 = System.nanoTime();
            System.out.printf("build %d ms, witness %d ms, check %d ms, columns %d constraints %d lookups %d ok=%s%n",
                    (t1 - t0) / 1000000, (t2 - t1) / 1000000, (t3 - t2) / 1000000, c.system().columns().size(),
                    c.system().constraints().size(), c.system().lookups().size(), r.isSatisfied());
        }
    }
}
