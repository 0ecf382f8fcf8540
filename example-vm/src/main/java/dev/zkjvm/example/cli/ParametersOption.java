package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.stark.StarkConfig;
import picocli.CommandLine.Option;

/**
 * Which STARK parameters {@code prove} uses and {@code verify} requires: a proof verifies only
 * under the parameters it was made with.
 */
final class ParametersOption {
    @Option(names = "--params", defaultValue = "default", description = "STARK parameters: default (100 bits "
            + "conjectured, about 57 provable), compact (100 bits conjectured in fewer queries: proofs about a "
            + "third smaller, a slower prover) or provable-100 (at least 100 bits provable; larger proofs, slower "
            + "prover)")
    String name;

    /** The parameters, or null if the name is not one of the presets. */
    StarkConfig config() {
        return switch (name) {
            case "default" -> StarkConfig.DEFAULT;
            case "compact" -> StarkConfig.COMPACT_PROOFS;
            case "provable-100" -> StarkConfig.PROVABLE_100;
            default -> null;
        };
    }

    /** The message for a name that is not a preset. */
    String unknown() {
        return "unknown parameters `" + name + "`; use `default`, `compact` or `provable-100`";
    }

    /** One line with both security levels and the parameters that give them. */
    static String securityLine(StarkConfig config, dev.zkjvm.circuit.air.ConstraintSystem system, int logRows) {
        return "security:   " + config.securitySummary(system, logRows) + "; blowup " + config.fri().blowup() + ", "
                + config.fri().queries() + " queries, " + config.fri().grindingBits() + " bits of grinding, "
                + config.hash();
    }
}
