/**
 * A STARK for any {@link dev.zkjvm.circuit.air.ConstraintSystem}: the constraints the checker
 * evaluates, proven as they are written.
 *
 * <pre>{@code
 * StarkProof proof = StarkProver.prove(witnessBuilder, StarkConfig.DEFAULT, ProofProgress.SILENT);
 * StarkVerifier.verify(system, StarkConfig.DEFAULT, StarkProof.fromBytes(proof.toBytes()));
 * }</pre>
 *
 * <p>{@link dev.zkjvm.circuit.stark.StarkProver} commits to the FIXED, MAIN and (after the
 * challenges) AUX columns' low-degree extensions, refuses a witness that breaks a constraint,
 * commits to the composition polynomial's chunks, opens everything at an out-of-domain point and
 * proves the DEEP composition low-degree with FRI. {@link dev.zkjvm.circuit.stark.StarkVerifier}
 * needs the system, the parameters ({@link dev.zkjvm.circuit.stark.StarkConfig}, with the
 * conjectured and the provable security level), the caller's bound on the claimed trace length
 * ({@link dev.zkjvm.circuit.stark.VerifyOptions}) and the proof
 * ({@link dev.zkjvm.circuit.stark.StarkProof}, a versioned binary format); the FIXED columns'
 * commitment is its {@link dev.zkjvm.circuit.stark.VerifyingKey}, taken only after every other
 * check has passed. The protocol step by step is in
 * {@code docs/architecture.md}, "Proving".
 */
package dev.zkjvm.circuit.stark;
