/**
 * Polynomials over the Goldilocks field for the STARK prover: the radix-2 number-theoretic
 * transform ({@link dev.zkjvm.circuit.poly.Ntt}), low-degree extension onto a coset
 * ({@link dev.zkjvm.circuit.poly.LowDegreeExtension}), the two-adic roots of unity
 * ({@link dev.zkjvm.circuit.poly.TwoAdic}) and coefficient-form helpers
 * ({@link dev.zkjvm.circuit.poly.Polynomial}).
 *
 * <p>Polynomials are {@code long[]} arrays of canonical field elements. A coefficient array holds
 * {@code c[i]} as the coefficient of {@code x^i}. An evaluation array of length {@code n = 2^k}
 * holds {@code p(ω^i)} at index {@code i}, where {@code ω = TwoAdic.rootOfUnity(k)} (natural order).
 */
package dev.zkjvm.circuit.poly;
