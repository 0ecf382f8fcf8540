package dev.zkjvm.processor.generate;

import com.palantir.javapoet.JavaFile;
import dev.zkjvm.processor.model.MachineModel;
import java.util.List;
import java.util.stream.Stream;

/** Step three of three: every file generated for one validated machine, in a fixed order. */
public final class MachineGenerators {
    private MachineGenerators() {
    }

    /** Qualified name of the class whose presence on the class path turns on circuit generation. */
    public static final String MACHINE_CIRCUIT = CircuitGenerator.MACHINE_CIRCUIT;

    /** Qualified name of the descriptor generated, with the circuit, for {@code model}. */
    public static String descriptor(MachineModel model) {
        return DescriptorGenerator.descriptorName(new GeneratedNames(model)).canonicalName();
    }

    /** The generated files for {@code model}; with {@code withCircuit}, also its circuit and descriptor. */
    public static List<JavaFile> generate(MachineModel model, boolean withCircuit) {
        GeneratedNames names = new GeneratedNames(model);
        TraceGenerator trace = new TraceGenerator(names);
        Stream<JavaFile> circuit = withCircuit
                ? Stream.of(new CircuitGenerator(names).generate(), new DescriptorGenerator(names).generate())
                : Stream.empty();
        return Stream.concat(Stream.of(
                        new InstructionSetGenerator(names).generate(),
                        new MachineGenerator(names).generate(),
                        new ContextGenerator(names).generate(),
                        trace.record(),
                        trace.trace(),
                        new ProgramGenerator(names).generate(),
                        new AssemblerGenerator(names).generate()), circuit)
                .map(file -> file.toBuilder().indent("    ").build())
                .toList();
    }
}
