package dev.zkjvm.example;

import dev.zkjvm.runtime.TraceRecord;
import dev.zkjvm.runtime.U256;
import java.util.List;

/**
 * {@link SeedExample}'s bodies run on the {@link SeedStyleVm} baseline: the same definition
 * class, a hand-written dispatch, seed-style storage.
 */
final class SeedBaseline {
    private final SeedExample definition = new SeedExample();
    private final SeedStyleVm<U256> vm = new SeedStyleVm<>(U256.TYPE, SeedMachine.LAYOUT);

    SeedBaseline() {
        definition.r0 = SeedMachine.R0;
        definition.r1 = SeedMachine.R1;
        definition.r2 = SeedMachine.R2;
        definition.r3 = SeedMachine.R3;
        definition.stack = vm.stack();
    }

    List<TraceRecord<U256>> run(SeedProgram program) {
        for (SeedInstruction instruction : program.instructions()) {
            vm.opcode = instruction.opcode();
            if (instruction instanceof SeedInstruction.Read i) {
                definition.read(i.address(), vm);
            } else if (instruction instanceof SeedInstruction.Write i) {
                definition.write(i.address(), i.value(), vm);
            } else if (instruction instanceof SeedInstruction.Push i) {
                definition.push(i.value());
            } else if (instruction instanceof SeedInstruction.Pop i) {
                definition.pop(i.dst(), vm);
            } else if (instruction instanceof SeedInstruction.Mov i) {
                definition.mov(i.dst(), i.src(), vm);
            } else if (instruction instanceof SeedInstruction.Swap i) {
                definition.swap(i.reg(), vm);
            } else if (instruction instanceof SeedInstruction.Load i) {
                definition.load(i.dst(), i.address(), vm);
            } else if (instruction instanceof SeedInstruction.Save i) {
                definition.save(i.address(), i.src(), vm);
            } else if (instruction instanceof SeedInstruction.Add i) {
                definition.add(i.dst(), i.src(), vm);
            }
            vm.step++;
        }
        return vm.trace;
    }
}
