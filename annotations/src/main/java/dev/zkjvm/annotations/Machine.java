package dev.zkjvm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a zero-knowledge virtual machine. The annotated class must be a top-level or static
 * nested, non-abstract, non-private class with a non-private no-argument constructor. Its
 * {@link Register} fields, its optional {@link Stack} field and its {@link Instruction} methods
 * define the machine; the annotation processor generates, next to it, the context, the
 * machine, the trace types, the instruction set, a program builder and an assembler.
 *
 * <p>Generated type names are the class name (or {@link #name()}) followed by
 * {@code Context}, {@code Machine}, {@code TraceRecord}, {@code Trace}, {@code Instruction},
 * {@code Program} and {@code Assembler}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Machine {
    /**
     * Size of one memory cell and of one machine word, in bytes: 4 (words are {@code U32}),
     * 8 ({@code U64}) or 32 ({@code U256}). Instruction bodies must use the matching word type.
     */
    int wordSize() default 8;

    /** Maximum number of words on the stack. Must be at least 1 when a {@link Stack} is declared. */
    int stackDepth() default 1024;

    /** Where the stack and register sections sit relative to memory. */
    Layout layout() default Layout.TAIL;

    /** Number of cells in each buffer zone between sections; 0 disables buffer zones. */
    int bufferCells() default 16;

    /** Number of cells in the memory section (the only section programs address directly). */
    long memoryCells() default 1L << 20;

    /**
     * Prefix for every generated type instead of the annotated class's simple name, e.g.
     * {@code name = "Calc"} yields {@code CalcMachine}, {@code CalcProgram}, ... Must be a valid
     * Java identifier; empty means the class's simple name.
     */
    String name() default "";

    /**
     * Most steps a single {@code run} may execute before it stops with a step-limit error;
     * guards against programs that never halt. Can be overridden per run.
     */
    long maxSteps() default 100_000_000L;
}
