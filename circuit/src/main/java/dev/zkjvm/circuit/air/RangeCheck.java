package dev.zkjvm.circuit.air;

/**
 * One range-checked input, as declared by {@link ConstraintSystemBuilder#rangeCheck16(String, Expr)}
 * and its siblings: on every row where {@code selector} is non-zero (every row if it is absent),
 * {@code value} must lie in [0, 2^bits). All range checks of one width are proven together by one
 * {@link RangeBatch}; this record keeps the caller's name so that a report can say which input
 * left the range.
 *
 * @param name the name the caller gave (unique among the system's arguments)
 * @param selector the 0/1 row selector, or {@code null} for every row
 * @param value the checked expression over MAIN/FIXED cells of the current row
 * @param bits the width of the range
 */
public record RangeCheck(String name, Expr selector, Expr value, int bits) {

    /** The selector, or the constant 1. */
    public Expr selectorOrOne() {
        return selector == null ? Expr.constant(1) : selector;
    }

    /** The number of values in the range, {@code 2^bits}. */
    public int size() {
        return 1 << bits;
    }
}
