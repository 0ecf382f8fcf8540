package dev.zkjvm.example;

import dev.zkjvm.runtime.U64;
import java.util.List;

/**
 * {@link Cpu64}'s bodies run on the {@link SeedStyleVm} baseline: the same definition class and
 * run loop, a hand-written dispatch, seed-style storage ({@code TreeMap} memory, one object per
 * trace record).
 */
final class Cpu64Baseline {
    private final Cpu64 definition = new Cpu64();
    final SeedStyleVm<U64> vm = new SeedStyleVm<>(U64.TYPE, Cpu64Machine.LAYOUT);

    Cpu64Baseline() {
        definition.a = Cpu64Machine.A;
        definition.b = Cpu64Machine.B;
        definition.c = Cpu64Machine.C;
        definition.d = Cpu64Machine.D;
        definition.stack = vm.stack();
    }

    /** Runs {@code program} from instruction 0 until it halts or runs off its end; returns the steps. */
    long run(Cpu64Program program) {
        List<Cpu64Instruction> code = program.instructions();
        SeedStyleVm<U64> vm = this.vm;
        vm.pc = 0;
        vm.halted = false;
        long steps = 0;
        while (!vm.halted && vm.pc < code.size()) {
            Cpu64Instruction instruction = code.get((int) vm.pc);
            vm.opcode = instruction.opcode();
            vm.nextPc = vm.pc + 1;
            switch (vm.opcode) {
                case Cpu64Instruction.OP_PUSH -> {
                    Cpu64Instruction.Push i = (Cpu64Instruction.Push) instruction;
                    definition.push(i.imm());
                }
                case Cpu64Instruction.OP_POP -> definition.pop();
                case Cpu64Instruction.OP_DUP -> definition.dup();
                case Cpu64Instruction.OP_SWAP -> definition.swap();
                case Cpu64Instruction.OP_OVER -> definition.over();
                case Cpu64Instruction.OP_SEL -> definition.sel(vm);
                case Cpu64Instruction.OP_ADD -> definition.add();
                case Cpu64Instruction.OP_SUB -> definition.sub();
                case Cpu64Instruction.OP_MUL -> definition.mul();
                case Cpu64Instruction.OP_AND -> definition.and();
                case Cpu64Instruction.OP_OR -> definition.or();
                case Cpu64Instruction.OP_XOR -> definition.xor();
                case Cpu64Instruction.OP_SHL -> definition.shl();
                case Cpu64Instruction.OP_SHR -> definition.shr();
                case Cpu64Instruction.OP_LTU -> definition.ltu();
                case Cpu64Instruction.OP_LTS -> definition.lts();
                case Cpu64Instruction.OP_EQ -> definition.eq();
                case Cpu64Instruction.OP_JMP -> {
                    Cpu64Instruction.Jmp i = (Cpu64Instruction.Jmp) instruction;
                    definition.jmp(i.target(), vm);
                }
                case Cpu64Instruction.OP_JZ -> {
                    Cpu64Instruction.Jz i = (Cpu64Instruction.Jz) instruction;
                    definition.jz(i.target(), vm);
                }
                case Cpu64Instruction.OP_JNZ -> {
                    Cpu64Instruction.Jnz i = (Cpu64Instruction.Jnz) instruction;
                    definition.jnz(i.target(), vm);
                }
                case Cpu64Instruction.OP_CALL -> {
                    Cpu64Instruction.Call i = (Cpu64Instruction.Call) instruction;
                    definition.call(i.target(), vm);
                }
                case Cpu64Instruction.OP_RET -> definition.ret(vm);
                case Cpu64Instruction.OP_HALT -> definition.halt(vm);
                case Cpu64Instruction.OP_LOAD -> definition.load(vm);
                case Cpu64Instruction.OP_STORE -> definition.store(vm);
                case Cpu64Instruction.OP_LDR -> {
                    Cpu64Instruction.Ldr i = (Cpu64Instruction.Ldr) instruction;
                    definition.ldr(i.base(), i.offset(), vm);
                }
                case Cpu64Instruction.OP_STR -> {
                    Cpu64Instruction.Str i = (Cpu64Instruction.Str) instruction;
                    definition.str(i.base(), i.offset(), vm);
                }
                case Cpu64Instruction.OP_GET -> {
                    Cpu64Instruction.Get i = (Cpu64Instruction.Get) instruction;
                    definition.get(i.reg(), vm);
                }
                case Cpu64Instruction.OP_SET -> {
                    Cpu64Instruction.Set i = (Cpu64Instruction.Set) instruction;
                    definition.set(i.reg(), vm);
                }
                case Cpu64Instruction.OP_ADDI -> {
                    Cpu64Instruction.Addi i = (Cpu64Instruction.Addi) instruction;
                    definition.addi(i.reg(), i.imm(), vm);
                }
                case Cpu64Instruction.OP_IN -> definition.in(vm);
                case Cpu64Instruction.OP_ADV -> definition.adv(vm);
                case Cpu64Instruction.OP_OUT -> definition.out(vm);
                default -> throw new IllegalStateException("unknown " + instruction);
            }
            vm.pc = vm.nextPc;
            vm.step++;
            steps++;
        }
        return steps;
    }
}
