package dev.zkjvm.circuit.tables;

/**
 * Which side of a bus an interaction is on. A bus balances when, for every tuple, the multiplicities
 * sent equal those received (in the field); sends count positively, receives negatively.
 */
public enum Direction {
    /** Adds the tuple to the bus, {@code multiplicity} times. */
    SEND,
    /** Takes the tuple from the bus, {@code multiplicity} times. */
    RECEIVE;

    /** +1 for a send, -1 for a receive. */
    public int sign() {
        return this == SEND ? 1 : -1;
    }

    /** "sends" or "receives". */
    public String verb() {
        return this == SEND ? "sends" : "receives";
    }
}
