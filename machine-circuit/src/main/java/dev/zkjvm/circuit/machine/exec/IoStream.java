package dev.zkjvm.circuit.machine.exec;

/**
 * The three streams an instruction body reaches through the machine API. The public ones are
 * public buses of the circuit: each read or written word is sent as (index, limbs) to the
 * statement, whose side the verifier computes from the input and output it is given. The advice
 * is a free witness: only range checks keep its limbs words.
 */
public enum IoStream {
    /** {@link dev.zkjvm.runtime.Vm#input()}: public, bus {@code io.input}. */
    INPUT("input", "io.input"),
    /** {@link dev.zkjvm.runtime.Vm#advice()}: private, no bus. */
    ADVICE("advice", null),
    /** {@link dev.zkjvm.runtime.Vm#output}: public, bus {@code io.output}. */
    OUTPUT("output", "io.output");

    private final String label;
    private final String bus;

    IoStream(String label, String bus) {
        this.label = label;
        this.bus = bus;
    }

    /** The stream's name in column and constraint names. */
    public String label() {
        return label;
    }

    /** The fields of a word's tuple on a public stream's bus: its index, then its 16-bit limbs. */
    static java.util.List<String> wordFields(int limbs) {
        java.util.List<String> fields = new java.util.ArrayList<>(java.util.List.of("index"));
        for (int m = 0; m < limbs; m++) {
            fields.add("limb[" + m + "]");
        }
        return java.util.List.copyOf(fields);
    }

    /** The public bus the stream's words go to, or null for the advice. */
    public String bus() {
        return bus;
    }
}
