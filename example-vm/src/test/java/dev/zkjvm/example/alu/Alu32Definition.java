package dev.zkjvm.example.alu;

import dev.zkjvm.annotations.Instruction;
import dev.zkjvm.annotations.Layout;
import dev.zkjvm.annotations.Machine;
import dev.zkjvm.annotations.Register;
import dev.zkjvm.annotations.Stack;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.U32;
import dev.zkjvm.runtime.Vm;
import dev.zkjvm.runtime.WordStack;

/**
 * A 32-bit test machine with every word operation as one instruction, for the arithmetic
 * gadget tests: {@code [x y] -> [x OP y]} with {@code y} on top.
 */
@Machine(name = "Alu32", wordSize = 4, stackDepth = 16, layout = Layout.HEAD, bufferCells = 2, memoryCells = 64)
class Alu32Definition {
    @Register Reg r;
    @Stack WordStack<U32> stack;

    @Instruction
    void push(U32 imm) {
        stack.push(imm);
    }

    @Instruction
    void pop() {
        stack.pop();
    }

    @Instruction
    void add() {
        U32 y = stack.pop();
        stack.push(stack.pop().add(y));
    }

    @Instruction
    void sub() {
        U32 y = stack.pop();
        stack.push(stack.pop().sub(y));
    }

    @Instruction
    void mul() {
        U32 y = stack.pop();
        stack.push(stack.pop().mul(y));
    }

    @Instruction
    void and() {
        U32 y = stack.pop();
        stack.push(stack.pop().and(y));
    }

    @Instruction
    void or() {
        U32 y = stack.pop();
        stack.push(stack.pop().or(y));
    }

    @Instruction
    void xor() {
        U32 y = stack.pop();
        stack.push(stack.pop().xor(y));
    }

    @Instruction
    void shl() {
        U32 y = stack.pop();
        stack.push(stack.pop().shl(y));
    }

    @Instruction
    void shr() {
        U32 y = stack.pop();
        stack.push(stack.pop().shr(y));
    }

    @Instruction
    void ltu() {
        U32 y = stack.pop();
        stack.push(stack.pop().ltu(y));
    }

    @Instruction
    void lts() {
        U32 y = stack.pop();
        stack.push(stack.pop().lts(y));
    }

    @Instruction
    void eq() {
        U32 y = stack.pop();
        stack.push(stack.pop().eq(y));
    }

    /** {@code [x y c] -> [c != 0 ? x : y]}. */
    @Instruction
    void sel(Vm<U32> vm) {
        U32 c = stack.pop();
        U32 y = stack.pop();
        stack.push(vm.select(c, stack.pop(), y));
    }

    @Instruction
    void not() {
        stack.push(stack.pop().not());
    }

    /** Constant shifts: {@code [x] -> [(x << 3) ^ (x >>> 13)]}. */
    @Instruction
    void mix() {
        U32 x = stack.pop();
        stack.push(x.shl(3).xor(x.shr(13)));
    }

    /** {@code [value address] -> []}: writes at a byte address (any alignment). */
    @Instruction
    void store(Vm<U32> vm) {
        U32 address = stack.pop();
        vm.write(address, stack.pop());
    }

    /** {@code [address] -> [memory[address]]}. */
    @Instruction
    void load(Vm<U32> vm) {
        stack.push(vm.read(stack.pop()));
    }

    /** {@code [] -> [pc]}: the index of this instruction. */
    @Instruction
    void here(Vm<U32> vm) {
        stack.push(vm.pc());
    }

    /** Jumps to {@code target} if the popped condition is zero. */
    @Instruction
    void jz(U32 target, Vm<U32> vm) {
        vm.jumpIf(stack.pop().eq(vm.word(0)), target);
    }

    @Instruction
    void set(Vm<U32> vm) {
        vm.set(r, stack.pop());
    }
}
