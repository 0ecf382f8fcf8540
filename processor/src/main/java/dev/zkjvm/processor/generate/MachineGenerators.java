package dev.zkjvm.processor.generate;

import com.palantir.javapoet.JavaFile;
import dev.zkjvm.processor.model.MachineModel;
import java.util.List;
import java.util.stream.Stream;

/** Step three of three: every file generated for one validated machine, in a fixed order. */
public final class MachineGenerators {
    private MachineGenerators() {
    }

    /** The generated files for {@code model}. */
    public static List<JavaFile> generate(MachineModel model) {
        GeneratedNames names = new GeneratedNames(model);
        TraceGenerator trace = new TraceGenerator(names);
        return Stream.of(
                        new InstructionSetGenerator(names).generate(),
                        new MachineGenerator(names).generate(),
                        new ContextGenerator(names).generate(),
                        trace.record(),
                        trace.trace(),
                        new ProgramGenerator(names).generate(),
                        new AssemblerGenerator(names).generate())
                .map(file -> file.toBuilder().indent("    ").build())
                .toList();
    }
}
