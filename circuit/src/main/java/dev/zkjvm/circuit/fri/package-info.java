/**
 * The FRI low-degree test over GF(p²) evaluations on the coset {@code 7·⟨ω_N⟩}: commit the first
 * layer ({@link dev.zkjvm.circuit.fri.FriCommitment}), prove ({@link dev.zkjvm.circuit.fri.FriProver}),
 * verify ({@link dev.zkjvm.circuit.fri.FriVerifier}); parameters and the conjectured security
 * estimate in {@link dev.zkjvm.circuit.fri.FriParameters}; the versioned proof format in
 * {@link dev.zkjvm.circuit.fri.FriProof}.
 */
package dev.zkjvm.circuit.fri;
