package dev.zkjvm.example.alu;

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
 * A 256-bit test machine with every word operation as one instruction, for the arithmetic
 * gadget tests: {@code [x y] -> [x OP y]} with {@code y} on top.
 */
@Machine(name = "Alu256", wordSize = 32, stackDepth = 16, layout = Layout.HEAD, bufferCells = 2, memoryCells = 64)
class Alu256Definition {
    @Register Reg r;
    @Stack WordStack<U256> stack;

    @Instruction
    void push(U256 imm) {
        stack.push(imm);
    }

    @Instruction
    void pop() {
        stack.pop();
    }

    @Instruction
    void add() {
        U256 y = stack.pop();
        stack.push(stack.pop().add(y));
    }

    @Instruction
    void sub() {
        U256 y = stack.pop();
        stack.push(stack.pop().sub(y));
    }

    @Instruction
    void mul() {
        U256 y = stack.pop();
        stack.push(stack.pop().mul(y));
    }

    @Instruction
    void and() {
        U256 y = stack.pop();
        stack.push(stack.pop().and(y));
    }

    @Instruction
    void or() {
        U256 y = stack.pop();
        stack.push(stack.pop().or(y));
    }

    @Instruction
    void xor() {
        U256 y = stack.pop();
        stack.push(stack.pop().xor(y));
    }

    @Instruction
    void shl() {
        U256 y = stack.pop();
        stack.push(stack.pop().shl(y));
    }

    @Instruction
    void shr() {
        U256 y = stack.pop();
        stack.push(stack.pop().shr(y));
    }

    @Instruction
    void ltu() {
        U256 y = stack.pop();
        stack.push(stack.pop().ltu(y));
    }

    @Instruction
    void lts() {
        U256 y = stack.pop();
        stack.push(stack.pop().lts(y));
    }

    @Instruction
    void eq() {
        U256 y = stack.pop();
        stack.push(stack.pop().eq(y));
    }

    /** {@code [x y c] -> [c != 0 ? x : y]}. */
    @Instruction
    void sel(Vm<U256> vm) {
        U256 c = stack.pop();
        U256 y = stack.pop();
        stack.push(vm.select(c, stack.pop(), y));
    }

    @Instruction
    void not() {
        stack.push(stack.pop().not());
    }

    /** Constant shifts: {@code [x] -> [(x << 3) ^ (x >>> 13)]}. */
    @Instruction
    void mix() {
        U256 x = stack.pop();
        stack.push(x.shl(3).xor(x.shr(13)));
    }

    /** {@code [value address] -> []}: writes at a byte address (any alignment). */
    @Instruction
    void store(Vm<U256> vm) {
        U256 address = stack.pop();
        vm.write(address, stack.pop());
    }

    /** {@code [address] -> [memory[address]]}. */
    @Instruction
    void load(Vm<U256> vm) {
        stack.push(vm.read(stack.pop()));
    }

    /** {@code [] -> [pc]}: the index of this instruction. */
    @Instruction
    void here(Vm<U256> vm) {
        stack.push(vm.pc());
    }

    /** Jumps to {@code target} if the popped condition is zero. */
    @Instruction
    void jz(U256 target, Vm<U256> vm) {
        vm.jumpIf(stack.pop().eq(vm.word(0)), target);
    }

    @Instruction
    void set(Vm<U256> vm) {
        vm.set(r, stack.pop());
    }
}
