package dev.zkjvm.annotations;

/**
 * Where the stack and register sections sit in a machine's address space.
 *
 * <p>The address space is split into three sections separated by buffer zones of
 * {@link Machine#bufferCells()} cells each. No access may touch a buffer zone; they exist so
 * that an off-by-one in a program shows up as a section violation rather than as a silent
 * write into a neighbouring section.
 */
public enum Layout {
    /**
     * Stack and registers at the head (lowest addresses):
     * {@code [stack][buffer][registers][buffer][memory]}.
     */
    HEAD,
    /**
     * Memory first, stack and registers at the tail:
     * {@code [memory][buffer][stack][buffer][registers]}. Memory starts at address 0.
     */
    TAIL
}
