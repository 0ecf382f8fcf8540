/**
 * Hashing, Fiat-Shamir transcripts and Merkle commitments: {@link dev.zkjvm.circuit.hash.HashAlgorithm}
 * (SHA-256, Keccak-256, BLAKE3), {@link dev.zkjvm.circuit.hash.Transcript} and
 * {@link dev.zkjvm.circuit.hash.MerkleTree}.
 */
package dev.zkjvm.circuit.hash;
