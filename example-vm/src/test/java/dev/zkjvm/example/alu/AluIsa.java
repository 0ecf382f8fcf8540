package dev.zkjvm.example.alu;

import dev.zkjvm.annotations.Instruction;
import dev.zkjvm.annotations.Register;
import dev.zkjvm.annotations.Stack;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.Vm;
import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordStack;

/**
 * One instruction set for the arithmetic gadget tests, written once for every word size: each
 * word operation as one instruction, {@code [x y] -> [x OP y]} with {@code y} on top. The
 * machines {@link Alu32Definition}, {@link Alu64Definition} and {@link Alu256Definition} extend it
 * with their word type; the processor treats its members as theirs.
 *
 * @param <W> the word type of the machine that extends it
 */
abstract class AluIsa<W extends Word<W>> {
    @Register Reg r;
    @Stack WordStack<W> stack;

    @Instruction
    void push(W imm) {
        stack.push(imm);
    }

    @Instruction
    void pop() {
        stack.pop();
    }

    @Instruction
    void add() {
        W y = stack.pop();
        stack.push(stack.pop().add(y));
    }

    @Instruction
    void sub() {
        W y = stack.pop();
        stack.push(stack.pop().sub(y));
    }

    @Instruction
    void mul() {
        W y = stack.pop();
        stack.push(stack.pop().mul(y));
    }

    @Instruction
    void and() {
        W y = stack.pop();
        stack.push(stack.pop().and(y));
    }

    @Instruction
    void or() {
        W y = stack.pop();
        stack.push(stack.pop().or(y));
    }

    @Instruction
    void xor() {
        W y = stack.pop();
        stack.push(stack.pop().xor(y));
    }

    @Instruction
    void shl() {
        W y = stack.pop();
        stack.push(stack.pop().shl(y));
    }

    @Instruction
    void shr() {
        W y = stack.pop();
        stack.push(stack.pop().shr(y));
    }

    @Instruction
    void ltu() {
        W y = stack.pop();
        stack.push(stack.pop().ltu(y));
    }

    @Instruction
    void lts() {
        W y = stack.pop();
        stack.push(stack.pop().lts(y));
    }

    @Instruction
    void eq() {
        W y = stack.pop();
        stack.push(stack.pop().eq(y));
    }

    /** {@code [x y c] -> [c != 0 ? x : y]}. */
    @Instruction
    void sel(Vm<W> vm) {
        W c = stack.pop();
        W y = stack.pop();
        stack.push(vm.select(c, stack.pop(), y));
    }

    @Instruction
    void not() {
        stack.push(stack.pop().not());
    }

    /** Constant shifts: {@code [x] -> [(x << 3) ^ (x >>> 13)]}. */
    @Instruction
    void mix() {
        W x = stack.pop();
        stack.push(x.shl(3).xor(x.shr(13)));
    }

    /** {@code [value address] -> []}: writes at a byte address (any alignment). */
    @Instruction
    void store(Vm<W> vm) {
        W address = stack.pop();
        vm.write(address, stack.pop());
    }

    /** {@code [address] -> [memory[address]]}. */
    @Instruction
    void load(Vm<W> vm) {
        stack.push(vm.read(stack.pop()));
    }

    /** {@code [] -> [pc]}: the index of this instruction. */
    @Instruction
    void here(Vm<W> vm) {
        stack.push(vm.pc());
    }

    /** Jumps to {@code target} if the popped condition is zero. */
    @Instruction
    void jz(W target, Vm<W> vm) {
        vm.jumpIf(stack.pop().eq(vm.word(0)), target);
    }

    @Instruction
    void set(Vm<W> vm) {
        vm.set(r, stack.pop());
    }

    /** {@code [] -> [x]}: the next public input word. */
    @Instruction
    void in(Vm<W> vm) {
        stack.push(vm.input());
    }

    /** {@code [] -> [x]}: the next advice word. */
    @Instruction
    void adv(Vm<W> vm) {
        stack.push(vm.advice());
    }

    /** {@code [x] -> []}: writes x to the output. */
    @Instruction
    void out(Vm<W> vm) {
        vm.output(stack.pop());
    }
}
