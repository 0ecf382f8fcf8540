package dev.zkjvm.circuit.poly;

/**
 * The result of dividing a base-field polynomial by {@code (x - z)}:
 * {@code p(x) = quotient(x)·(x - z) + remainder}, and {@code remainder = p(z)}.
 *
 * @param quotient coefficients, lowest degree first, one fewer than the dividend's (none for a constant)
 * @param remainder the remainder, equal to {@code p(z)}
 */
public record LinearDivision(long[] quotient, long remainder) {
}
