package dev.zkjvm.runtime;

/** The kinds of section an address space is made of. */
public enum SectionKind {
    /** Program-addressable memory. */
    MEMORY,
    /** The stack: cell {@code i} holds stack slot {@code i}. */
    STACK,
    /** The registers: cell {@code i} holds register {@code i}. */
    REGISTERS,
    /** A buffer zone between two sections; never accessed. */
    BUFFER
}
