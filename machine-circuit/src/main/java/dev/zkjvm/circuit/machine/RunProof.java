package dev.zkjvm.circuit.machine;

import dev.zkjvm.circuit.tables.stark.TableProof;
import dev.zkjvm.runtime.Word;
import java.util.List;
import java.util.Objects;

/**
 * A proof of a run on tables, with the statement it proves: the public input the run read and the
 * output it wrote. A verifier needs the statement (and the program); the proof alone states
 * nothing.
 *
 * @param statement the run's public input and output
 * @param proof     the proof
 * @param <W>       the machine's word type
 */
public record RunProof<W extends Word<W>>(Statement<W> statement, TableProof proof) {
    /** Checks the components. */
    public RunProof {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(proof, "proof");
    }

    /** The words the run wrote to its output, which the proof states. */
    public List<W> output() {
        return statement.output();
    }
}
