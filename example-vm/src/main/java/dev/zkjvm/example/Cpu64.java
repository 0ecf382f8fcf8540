package dev.zkjvm.example;

import dev.zkjvm.annotations.Instruction;
import dev.zkjvm.annotations.Layout;
import dev.zkjvm.annotations.Machine;
import dev.zkjvm.annotations.Register;
import dev.zkjvm.annotations.Stack;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.Vm;
import dev.zkjvm.runtime.WordStack;

/**
 * A 64-bit stack machine with four registers, defined only by this annotated class: the
 * processor generates {@code Cpu64Machine}, {@code Cpu64Program}, {@code Cpu64Assembler},
 * {@code Cpu64Instruction}, {@code Cpu64Trace} and the rest next to it.
 *
 * <h2>State</h2>
 * <ul>
 *   <li>Memory: {@code 2^16} cells of 8 bytes; with {@link Layout#TAIL} the memory section comes
 *       first, so memory byte address {@code 8 * i} is word {@code i}. Addresses are byte
 *       addresses; an address that is not a multiple of 8 reads or writes the 8 bytes from it,
 *       spliced big-endian from the two cells it straddles.</li>
 *   <li>Stack: up to 1024 words (field {@code stack}).</li>
 *   <li>Registers {@code a}, {@code b}, {@code c}, {@code d}, numbered 0..3.</li>
 *   <li>Program counter: an instruction index (not a byte address), read and moved only through
 *       {@link Vm#pc()}, {@link Vm#jump}, {@link Vm#jumpIf} and {@link Vm#halt()}.</li>
 *   <li>Streams: the public input ({@code in}), the private input or advice ({@code adv}) and the
 *       public output ({@code out}), each a sequence of words read or written in order. A proof
 *       states the program, the whole public input and the whole output; the advice stays hidden
 *       in a zero-knowledge proof.</li>
 * </ul>
 *
 * <h2>Conventions</h2>
 * Stack effects are written {@code [before] -> [after]} with the top of the stack on the right.
 * For a binary operation {@code [x y] -> [x OP y]}: {@code y} (the top) is popped first and is
 * the right operand, so {@code push 7; push 2; sub} leaves {@code 5}. Comparisons push 1 for true
 * and 0 for false. Arithmetic wraps modulo 2^64. Jump targets are instruction indices; in
 * assembly text a label stands for one. A jump to the index just past the last instruction ends
 * the run; a jump further is an {@code InvalidJumpException}. A program takes its inputs with
 * {@code in} and {@code adv} and gives its results with {@code out} (the bundled programs in
 * {@link Programs} do), rather than in registers or memory that a statement does not name.
 *
 * <p>Bodies use only {@code Word}, {@code Vm} and {@code WordStack} operations and no Java
 * branching on data (conditions go through {@link Vm#select} and {@link Vm#jumpIf}), so that each
 * one can later be turned into circuit constraints.
 */
@Machine(wordSize = 8, stackDepth = 1024, layout = Layout.TAIL, bufferCells = 16, memoryCells = 1L << 16)
public class Cpu64 {
    /** General-purpose register 0. */
    @Register Reg a;
    /** General-purpose register 1. */
    @Register Reg b;
    /** General-purpose register 2. */
    @Register Reg c;
    /** General-purpose register 3. */
    @Register Reg d;
    /** The operand stack. */
    @Stack WordStack<U64> stack;

    // ---- stack ----------------------------------------------------------------------------

    /** {@code push imm}: {@code [] -> [imm]}. */
    @Instruction
    void push(U64 imm) {
        stack.push(imm);
    }

    /** {@code pop}: {@code [x] -> []}, the value is dropped. */
    @Instruction
    void pop() {
        stack.pop();
    }

    /** {@code dup}: {@code [x] -> [x x]}. */
    @Instruction
    void dup() {
        U64 x = stack.pop();
        stack.push(x);
        stack.push(x);
    }

    /** {@code swap}: {@code [x y] -> [y x]}. */
    @Instruction
    void swap() {
        U64 y = stack.pop();
        U64 x = stack.pop();
        stack.push(y);
        stack.push(x);
    }

    /** {@code over}: {@code [x y] -> [x y x]}. */
    @Instruction
    void over() {
        U64 y = stack.pop();
        U64 x = stack.pop();
        stack.push(x);
        stack.push(y);
        stack.push(x);
    }

    /**
     * {@code sel}: {@code [x y cond] -> [cond != 0 ? x : y]}, through {@link Vm#select}.
     */
    @Instruction
    void sel(Vm<U64> vm) {
        U64 cond = stack.pop();
        U64 y = stack.pop();
        U64 x = stack.pop();
        stack.push(vm.select(cond, x, y));
    }

    // ---- arithmetic and logic ---------------------------------------------------------------

    /** {@code add}: {@code [x y] -> [x + y mod 2^64]}. */
    @Instruction
    void add() {
        U64 y = stack.pop();
        stack.push(stack.pop().add(y));
    }

    /** {@code sub}: {@code [x y] -> [x - y mod 2^64]}. */
    @Instruction
    void sub() {
        U64 y = stack.pop();
        stack.push(stack.pop().sub(y));
    }

    /** {@code mul}: {@code [x y] -> [x * y mod 2^64]}. */
    @Instruction
    void mul() {
        U64 y = stack.pop();
        stack.push(stack.pop().mul(y));
    }

    /** {@code and}: {@code [x y] -> [x & y]}. */
    @Instruction
    void and() {
        U64 y = stack.pop();
        stack.push(stack.pop().and(y));
    }

    /** {@code or}: {@code [x y] -> [x | y]}. */
    @Instruction
    void or() {
        U64 y = stack.pop();
        stack.push(stack.pop().or(y));
    }

    /** {@code xor}: {@code [x y] -> [x ^ y]}. */
    @Instruction
    void xor() {
        U64 y = stack.pop();
        stack.push(stack.pop().xor(y));
    }

    /**
     * {@code shl}: {@code [x n] -> [x << n]}, a logical shift by the unsigned value of {@code n};
     * a shift by 64 or more gives 0.
     */
    @Instruction
    void shl() {
        U64 n = stack.pop();
        stack.push(stack.pop().shl(n));
    }

    /**
     * {@code shr}: {@code [x n] -> [x >>> n]}, a logical (zero-filling) shift by the unsigned
     * value of {@code n}; a shift by 64 or more gives 0.
     */
    @Instruction
    void shr() {
        U64 n = stack.pop();
        stack.push(stack.pop().shr(n));
    }

    /** {@code ltu}: {@code [x y] -> [x < y ? 1 : 0]}, unsigned. */
    @Instruction
    void ltu() {
        U64 y = stack.pop();
        stack.push(stack.pop().ltu(y));
    }

    /** {@code lts}: {@code [x y] -> [x < y ? 1 : 0]}, two's-complement signed. */
    @Instruction
    void lts() {
        U64 y = stack.pop();
        stack.push(stack.pop().lts(y));
    }

    /** {@code eq}: {@code [x y] -> [x == y ? 1 : 0]}. */
    @Instruction
    void eq() {
        U64 y = stack.pop();
        stack.push(stack.pop().eq(y));
    }

    // ---- control ------------------------------------------------------------------------------

    /** {@code jmp target}: continues at instruction {@code target}; the stack is untouched. */
    @Instruction
    void jmp(U64 target, Vm<U64> vm) {
        vm.jump(target);
    }

    /** {@code jz target}: {@code [x] -> []}, continues at {@code target} if {@code x == 0}. */
    @Instruction
    void jz(U64 target, Vm<U64> vm) {
        vm.jumpIf(stack.pop().eq(vm.word(0)), target);
    }

    /** {@code jnz target}: {@code [x] -> []}, continues at {@code target} if {@code x != 0}. */
    @Instruction
    void jnz(U64 target, Vm<U64> vm) {
        vm.jumpIf(stack.pop(), target);
    }

    /**
     * {@code call target}: {@code [] -> [pc + 1]} and continues at {@code target}; the pushed
     * word is the index of the instruction after the call, which {@code ret} jumps back to.
     */
    @Instruction
    void call(U64 target, Vm<U64> vm) {
        stack.push(vm.pc().add(vm.word(1)));
        vm.jump(target);
    }

    /** {@code ret}: {@code [addr] -> []} and continues at instruction {@code addr}. */
    @Instruction
    void ret(Vm<U64> vm) {
        vm.jump(stack.pop());
    }

    /** {@code halt}: stops the machine after this instruction. */
    @Instruction
    void halt(Vm<U64> vm) {
        vm.halt();
    }

    // ---- memory -----------------------------------------------------------------------------

    /**
     * {@code load}: {@code [addr] -> [memory[addr]]}: pops a byte address and pushes the word
     * stored there.
     */
    @Instruction
    void load(Vm<U64> vm) {
        stack.push(vm.read(stack.pop()));
    }

    /**
     * {@code store}: {@code [value addr] -> []}: pops the byte address first (the top), then the
     * value, and writes the value there. So {@code push 42; push 16; store} writes 42 at byte
     * address 16 (word 2).
     */
    @Instruction
    void store(Vm<U64> vm) {
        U64 address = stack.pop();
        vm.write(address, stack.pop());
    }

    /**
     * {@code ldr reg, off}: {@code [] -> [memory[reg + off]]}, register-relative load (the
     * offset is a word, so {@code -8} is the previous word). One step instead of
     * {@code get reg; push off; add; load}.
     */
    @Instruction
    void ldr(Reg base, U64 offset, Vm<U64> vm) {
        stack.push(vm.read(vm.get(base).add(offset)));
    }

    /**
     * {@code str reg, off}: {@code [value] -> []}, register-relative store of the popped value at
     * {@code reg + off}.
     */
    @Instruction
    void str(Reg base, U64 offset, Vm<U64> vm) {
        vm.write(vm.get(base).add(offset), stack.pop());
    }

    // ---- registers ------------------------------------------------------------------------------

    /** {@code get reg}: {@code [] -> [reg]}. */
    @Instruction
    void get(Reg reg, Vm<U64> vm) {
        stack.push(vm.get(reg));
    }

    /** {@code set reg}: {@code [x] -> []}, {@code reg = x}. */
    @Instruction
    void set(Reg reg, Vm<U64> vm) {
        vm.set(reg, stack.pop());
    }

    /** {@code addi reg, imm}: {@code reg = reg + imm mod 2^64}; the stack is untouched. */
    @Instruction
    void addi(Reg reg, U64 imm, Vm<U64> vm) {
        vm.set(reg, vm.get(reg).add(imm));
    }

    // ---- streams (declared last, so that the opcodes above keep their numbers) ---------------

    /**
     * {@code in}: {@code [] -> [x]}, where {@code x} is the next word of the public input. A proof
     * states the whole public input, so its verifier knows every word a program reads with
     * {@code in}. Reading past the end is an {@code InputExhaustedException}, and nothing is read.
     */
    @Instruction
    void in(Vm<U64> vm) {
        stack.push(vm.input());
    }

    /**
     * {@code adv}: {@code [] -> [x]}, where {@code x} is the next word of the private input
     * (advice), which the prover supplies and a zero-knowledge proof keeps hidden: the proof
     * shows that some advice makes the program run to its end, not which. Reading past the end is
     * an {@code InputExhaustedException}, and nothing is read.
     */
    @Instruction
    void adv(Vm<U64> vm) {
        stack.push(vm.advice());
    }

    /**
     * {@code out}: {@code [x] -> []}, appends {@code x} to the public output, which a proof states
     * in full, in the order written.
     */
    @Instruction
    void out(Vm<U64> vm) {
        vm.output(stack.pop());
    }
}
