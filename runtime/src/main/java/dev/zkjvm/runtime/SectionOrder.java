package dev.zkjvm.runtime;

/** Where the stack and registers sit relative to memory (mirrors {@code @Machine.layout}). */
public enum SectionOrder {
    /** {@code [stack][buffer][registers][buffer][memory]}. */
    HEAD,
    /** {@code [memory][buffer][stack][buffer][registers]}: memory starts at address 0. */
    TAIL
}
