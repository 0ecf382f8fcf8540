package dev.zkjvm.circuit.tables.stark;

import dev.zkjvm.circuit.air.Column;
import dev.zkjvm.circuit.stark.StarkConfig;
import dev.zkjvm.circuit.tables.Table;
import dev.zkjvm.circuit.tables.TableSystem;

/**
 * The keys of a table system: its preprocessed tables' FIXED columns extended and committed once.
 * The {@link VerifyingKey} holds the root, the {@link ProvingKey} also the extensions. Both hold
 * for every proof of the system, whatever the heights of its other tables.
 */
public final class TableKeys {
    private TableKeys() {
    }

    /** What a verifier needs besides the statement: the system, the parameters, the preprocessed root. */
    public static final class VerifyingKey {
        final TableSystem system;
        /** The system the proofs are made of: {@link #system}, with the masking bus for zero knowledge. */
        final TableSystem proofSystem;
        final StarkConfig config;
        final boolean zeroKnowledge;
        /** The preprocessed commitment's root, or {@code null} without preprocessed tables. */
        final byte[] preprocessedRoot;

        VerifyingKey(TableSystem system, StarkConfig config, boolean zeroKnowledge, byte[] preprocessedRoot) {
            this.system = system;
            this.proofSystem = zeroKnowledge ? ShareMasking.masked(system) : system;
            this.config = config;
            this.zeroKnowledge = zeroKnowledge;
            this.preprocessedRoot = preprocessedRoot;
        }

        /**
         * The root of the non-preprocessed tables' FIXED columns at a proof's heights: derived from
         * the system once per combination of heights and kept (a few), as the one-table verifying key
         * is per trace length, so that verifying another proof of the same heights costs no work
         * linear in the tables.
         */
        byte[] fixedRoot(SystemShape shape, java.util.function.Supplier<byte[]> derive) {
            String heights = java.util.Arrays.toString(shape.tables.stream().mapToInt(t -> t.logRows).toArray());
            synchronized (fixedRoots) {
                return fixedRoots.computeIfAbsent(heights, h -> java.util.Optional.ofNullable(derive.get())).orElse(null);
            }
        }

        private final java.util.Map<String, java.util.Optional<byte[]>> fixedRoots =
                new java.util.LinkedHashMap<>(8, 0.75f, true) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(java.util.Map.Entry<String, java.util.Optional<byte[]>> eldest) {
                        return size() > 8;
                    }
                };

        /**
         * The conjectured security of a proof of this key at the proof's heights, in bits, as
         * {@code FriParameters.securityBits} counts it: {@code q·log2(1/ρ) + grinding} with q the
         * proof's queries (more with zero knowledge) and ρ the rate FRI tests (its degree bound
         * over the domain, {@code (1 + 1/64)/b} with zero knowledge), capped by
         * {@code 127 - log2(domain)} for the folding challenges.
         *
         * @throws IllegalArgumentException if the heights are not the system's
         */
        public double conjecturedSecurityBits(TableProof proof) {
            SystemShape shape = new SystemShape(proofSystem, config, zeroKnowledge, proof.logHeights);
            double rate = shape.degreeBound / (double) (1L << shape.logDomain);
            double queries = shape.fri.queries() * -Math.log(rate) / Math.log(2) + shape.fri.grindingBits();
            return Math.min(queries, dev.zkjvm.circuit.fri.FriParameters.EXTENSION_FIELD_BITS - shape.logDomain);
        }

        /** Whether the proofs of this key are zero-knowledge (the verifier accepts no other kind). */
        public boolean zeroKnowledge() {
            return zeroKnowledge;
        }

        /** The system. */
        public TableSystem system() {
            return system;
        }

        /** The parameters. */
        public StarkConfig config() {
            return config;
        }

        /** The root of the preprocessed tables' FIXED columns, or {@code null} (a copy). */
        public byte[] preprocessedRoot() {
            return preprocessedRoot == null ? null : preprocessedRoot.clone();
        }
    }

    /** What a prover needs besides the trace: the verifying key and the preprocessed extensions. */
    public static final class ProvingKey {
        final VerifyingKey verifyingKey;
        /** The preprocessed tables' FIXED columns extended and committed ({@code null} without any). */
        final PhaseCommitment preprocessed;

        ProvingKey(VerifyingKey verifyingKey, PhaseCommitment preprocessed) {
            this.verifyingKey = verifyingKey;
            this.preprocessed = preprocessed;
        }

        /** The verifying key. */
        public VerifyingKey verifyingKey() {
            return verifyingKey;
        }
    }

    /** The keys of zero-knowledge proofs (the default): see {@link #derive(TableSystem, StarkConfig, boolean)}. */
    public static ProvingKey derive(TableSystem system, StarkConfig config) {
        return derive(system, config, true);
    }

    /**
     * Extends and commits the preprocessed tables' FIXED columns, for proofs that are
     * zero-knowledge or not (the keys differ: a zero-knowledge proof's polynomials may need a
     * larger domain).
     */
    public static ProvingKey derive(TableSystem system, StarkConfig config, boolean zeroKnowledge) {
        TableSystem proofSystem = zeroKnowledge ? ShareMasking.masked(system) : system;
        TableLde[] ldes = new TableLde[proofSystem.tables().size()];
        int k = config.fri().foldingFactor();
        Hiding hiding = Hiding.of(zeroKnowledge, Hiding.parameters(config.fri(), zeroKnowledge));
        java.util.List<dev.zkjvm.circuit.tables.logup.TableAir> airs = dev.zkjvm.circuit.tables.logup.LogupWitness
                .airs(proofSystem);
        for (Table t : proofSystem.tables()) {
            if (!t.isPreprocessed()) {
                continue;
            }
            if (t.fixedHeight() * config.blowup() < k) {
                throw new IllegalArgumentException("preprocessed table " + t.name() + ": " + t.fixedHeight()
                        + " rows extended by " + config.blowup() + " give fewer points than the folding factor " + k);
            }
            // the FIXED columns in column order, as TableShape lists them for this commitment
            java.util.List<Column> fixed = t.air().columns(dev.zkjvm.circuit.air.Phase.FIXED);
            long[][] columns = new long[fixed.size()][];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = t.air().fixedValues(fixed.get(i)).generate(t.fixedHeight());
            }
            TableShape shape = new TableShape(airs.get(t.index()), Integer.numberOfTrailingZeros(t.fixedHeight()),
                    config.blowup(), hiding);
            ldes[t.index()] = TableLde.ofEvaluations(columns, t.fixedHeight(), shape.polyRows, config.blowup(), null,
                    shape.nextRowOffset);
        }
        PhaseCommitment pre = PhaseCommitment.of(ldes, config.hash());
        return new ProvingKey(new VerifyingKey(system, config, zeroKnowledge, pre == null ? null : pre.root()), pre);
    }
}
