package dev.zkjvm.circuit.poly;

import dev.zkjvm.circuit.field.Ext2;

/**
 * The result of dividing a polynomial by {@code (x - z)} for an extension-field point {@code z}.
 * The quotient's coefficients are extension elements, held as two base columns
 * ({@code quotient0[i] + quotient1[i]·x}, as in {@link dev.zkjvm.circuit.field.Ext2Arrays}).
 *
 * @param quotient0 constant coordinates of the quotient's coefficients, lowest degree first
 * @param quotient1 x-coordinates of the quotient's coefficients
 * @param remainder the remainder, equal to {@code p(z)}
 */
public record Ext2LinearDivision(long[] quotient0, long[] quotient1, Ext2 remainder) {
}
