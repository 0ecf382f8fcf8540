package dev.zkjvm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an instruction. The method must be a non-static, non-private, non-abstract
 * {@code void} method. Its parameters are the instruction's operands, each one of: the
 * machine's word type ({@code U32}, {@code U64} or {@code U256}), {@code dev.zkjvm.runtime.Reg},
 * {@code long} or {@code int}; optionally followed, as the last parameter, by
 * {@code dev.zkjvm.runtime.Vm<W>}, the machine API the body uses for memory, registers, the
 * program counter and word constants. The body may throw nothing checked.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Instruction {
    /**
     * The opcode, in 0..65535. Negative (the default) means: the lowest opcode not taken,
     * assigned in declaration order after all explicit opcodes are reserved.
     */
    int opcode() default -1;

    /** Mnemonic in assembly text; empty means the method's name. Mnemonics are unique. */
    String mnemonic() default "";
}
