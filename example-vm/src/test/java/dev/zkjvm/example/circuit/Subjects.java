package dev.zkjvm.example.circuit;

import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.example.CalculatorCircuit;
import dev.zkjvm.example.CalculatorMachine;
import dev.zkjvm.example.CalculatorProgram;
import dev.zkjvm.example.CalculatorTrace;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Machine;
import dev.zkjvm.example.Cpu64Program;
import dev.zkjvm.example.Cpu64Trace;
import dev.zkjvm.example.Programs;
import dev.zkjvm.example.SeedCircuit;
import dev.zkjvm.example.SeedMachine;
import dev.zkjvm.example.SeedProgram;
import dev.zkjvm.example.SeedTrace;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U256;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.Word;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/** The honest traces the circuit tests break: the example machines running their example programs. */
final class Subjects {
    private Subjects() {
    }

    /** A trace with its machine's circuit and opcode names. */
    record Subject<W extends Word<W>>(String name, MachineCircuit<W> circuit, Trace<W> trace,
            IntFunction<String> mnemonics) {
    }

    /** The 30 words that array_sum and bubble_sort work on. */
    static long[] words() {
        return new SplittableRandom(1).longs(30).toArray();
    }

    static Subject<U64> fibonacci() {
        return cpu64("fibonacci", Programs.fibonacci(30).machine().trace());
    }

    static Subject<U64> factorial() {
        return cpu64("factorial", Programs.factorial(12).machine().trace());
    }

    static Subject<U64> arraySum() {
        return cpu64("array_sum", Programs.arraySum(words()).machine().trace());
    }

    static Subject<U64> bubbleSort() {
        return cpu64("bubble_sort", Programs.bubbleSort(words()).machine().trace());
    }

    private static Subject<U64> cpu64(String name, Trace<U64> trace) {
        return new Subject<>(name, Cpu64Circuit.circuit(), trace, Cpu64Trace::mnemonicOf);
    }

    /**
     * SeedMachine (256-bit words, 32-byte cells) with unaligned reads and writes: each one makes two
     * records, the second marked as the second cell.
     */
    static Subject<U256> seedUnaligned() {
        SeedMachine vm = SeedMachine.create();
        long base = SeedMachine.LAYOUT.memoryBase();
        vm.run(SeedProgram.builder()
                .write(U256.of(base + 5), U256.of(-1))
                .read(U256.of(base + 37))
                .push(U256.of(7)).swap(SeedMachine.R1).push(U256.of(8)).pop(SeedMachine.R2)
                .add(SeedMachine.R1, SeedMachine.R2).save(U256.of(base + 64), SeedMachine.R1)
                .load(SeedMachine.R3, U256.of(base + 70))
                .save(U256.of(base + 100), SeedMachine.R3)
                .load(SeedMachine.R0, U256.of(base + 96))
                .read(U256.of(base + 1000))
                .mov(SeedMachine.R2, SeedMachine.R0)
                .read(U256.of(base + 1920))
                .build());
        return new Subject<>("seed_unaligned", SeedCircuit.circuit(), vm.trace(), SeedTrace::mnemonicOf);
    }

    /**
     * A Cpu64 trace with every kind of access: a loader writing memory words 0..7, registers read
     * and written, aligned and unaligned loads and stores (double-cell accesses), pushes and pops.
     */
    static Subject<U64> cpu64Mixed() {
        Cpu64Machine vm = Cpu64Machine.create();
        vm.run(Programs.loader(new long[] {11, 22, 33, 44, 55, 66, 77, 88}, 3));
        vm.run(Cpu64Program.builder()
                .push(5).load().set(Cpu64Machine.B)
                .push(0x1234_5678_9ABC_DEF0L).push(13).store()
                .get(Cpu64Machine.B).push(1).add().set(Cpu64Machine.C)
                .addi(Cpu64Machine.D, 5)
                .get(Cpu64Machine.A).get(Cpu64Machine.C).add().push(24).store()
                .push(16).load().push(21).load().add().set(Cpu64Machine.A)
                .build());
        return cpu64("cpu64_mixed", vm.trace());
    }

    static Subject<U64> calculator() {
        CalculatorMachine vm = CalculatorMachine.create();
        vm.run(CalculatorProgram.builder().push(2).push(3).add().push(7).mul().store().push(9).save(16).build());
        return new Subject<>("calculator", CalculatorCircuit.circuit(), vm.trace(), CalculatorTrace::mnemonicOf);
    }
}
