package dev.zkjvm.runtime;

/** What a memory access did: the seed's {@code MemoryInstruction}. */
public enum MemoryInstruction {
    /** The access read the cell; its value is what the cell held. */
    READ,
    /** The access wrote the cell; its value is what the cell holds afterwards. */
    WRITE;

    /** 0 for {@link #READ}, 1 for {@link #WRITE}: the trace's flag column. */
    public int flag() {
        return ordinal();
    }

    /** The inverse of {@link #flag()}. */
    public static MemoryInstruction ofFlag(int flag) {
        return switch (flag) {
            case 0 -> READ;
            case 1 -> WRITE;
            default -> throw new IllegalArgumentException("flag must be 0 or 1, not " + flag);
        };
    }
}
