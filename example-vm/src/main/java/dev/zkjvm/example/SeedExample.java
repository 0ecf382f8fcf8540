package dev.zkjvm.example;

import dev.zkjvm.annotations.Instruction;
import dev.zkjvm.annotations.Layout;
import dev.zkjvm.annotations.Machine;
import dev.zkjvm.annotations.Register;
import dev.zkjvm.annotations.Stack;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.U256;
import dev.zkjvm.runtime.Vm;
import dev.zkjvm.runtime.WordStack;

/**
 * The seed library's example state machine, 256-bit, written as one annotated class: memory
 * reads and writes, a stack, four registers, and register/memory moves. With
 * {@code name = "Seed"} the processor generates {@code SeedMachine}, {@code SeedProgram},
 * {@code SeedAssembler}, {@code SeedTrace} and the rest.
 */
@Machine(name = "Seed", wordSize = 32, stackDepth = 64, layout = Layout.HEAD, bufferCells = 4, memoryCells = 1024)
public class SeedExample {
    @Register Reg r0;
    @Register Reg r1;
    @Register Reg r2;
    @Register Reg r3;
    @Stack WordStack<U256> stack;

    /** Reads the word at {@code address} (recorded; the value is not kept). */
    @Instruction
    void read(U256 address, Vm<U256> vm) {
        vm.read(address);
    }

    /** Writes {@code value} at {@code address}. */
    @Instruction
    void write(U256 address, U256 value, Vm<U256> vm) {
        vm.write(address, value);
    }

    /** Pushes {@code value}. */
    @Instruction
    void push(U256 value) {
        stack.push(value);
    }

    /** Pops the top of the stack into {@code dst}. */
    @Instruction
    void pop(Reg dst, Vm<U256> vm) {
        vm.set(dst, stack.pop());
    }

    /** {@code dst = src}. */
    @Instruction
    void mov(Reg dst, Reg src, Vm<U256> vm) {
        vm.set(dst, vm.get(src));
    }

    /** Exchanges {@code reg} and the top of the stack. */
    @Instruction
    void swap(Reg reg, Vm<U256> vm) {
        U256 top = stack.pop();
        stack.push(vm.get(reg));
        vm.set(reg, top);
    }

    /** {@code dst = memory[address]}. */
    @Instruction
    void load(Reg dst, U256 address, Vm<U256> vm) {
        vm.set(dst, vm.read(address));
    }

    /** {@code memory[address] = src}. */
    @Instruction
    void save(U256 address, Reg src, Vm<U256> vm) {
        vm.write(address, vm.get(src));
    }

    /** {@code dst = dst + src mod 2^256}. */
    @Instruction
    void add(Reg dst, Reg src, Vm<U256> vm) {
        vm.set(dst, vm.get(dst).add(vm.get(src)));
    }
}
