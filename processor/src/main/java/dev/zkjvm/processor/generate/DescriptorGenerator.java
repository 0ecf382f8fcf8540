package dev.zkjvm.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.zkjvm.processor.model.InstructionModel;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.tools.StandardLocation;

/**
 * Generates {@code <prefix>Descriptor}, the machine seen through
 * {@code dev.zkjvm.circuit.machine.MachineDescriptor}, and the service file that lists every
 * descriptor of a compilation, so that tools find machines on the class path with
 * {@link java.util.ServiceLoader}. Generated only with the circuit, whose type it implements.
 */
public final class DescriptorGenerator {
    /** Where {@link java.util.ServiceLoader} looks for descriptors. */
    public static final String SERVICE_FILE = "META-INF/services/dev.zkjvm.circuit.machine.MachineDescriptor";

    private static final String MACHINE = "dev.zkjvm.circuit.machine";
    private static final ClassName DESCRIPTOR = ClassName.get(MACHINE, "MachineDescriptor");
    private static final ClassName RUN = ClassName.get(MACHINE, "MachineRun");
    private static final ClassName CIRCUIT = ClassName.get(MACHINE, "MachineCircuit");
    private static final String SEGMENT_PACKAGE = RuntimeTypes.RUNTIME + ".segment";
    private static final ClassName SEGMENT = ClassName.get(SEGMENT_PACKAGE, "Segment");
    private static final ClassName SEGMENTED_RUN = ClassName.get(SEGMENT_PACKAGE, "SegmentedRun");
    private static final ClassName SEGMENTED_EXECUTION = ClassName.get(SEGMENT_PACKAGE, "SegmentedExecution");
    private static final ClassName SEGMENT_REPLAY = ClassName.get(SEGMENT_PACKAGE, "SegmentReplay");

    private final GeneratedNames names;

    DescriptorGenerator(GeneratedNames names) {
        this.names = names;
    }

    /** The descriptor's class name for a machine. */
    static ClassName descriptorName(GeneratedNames names) {
        return ClassName.get(names.model.packageName(), names.model.prefix() + "Descriptor");
    }

    JavaFile generate() {
        ClassName self = descriptorName(names);
        ClassName circuit = ClassName.get(names.model.packageName(), names.model.prefix() + "Circuit");
        TypeName runs = ParameterizedTypeName.get(ClassName.get(List.class), names.program);
        TypeName words = ParameterizedTypeName.get(ClassName.get(List.class), names.word);
        TypeName string = ClassName.get(String.class);
        TypeName instructionLists = ParameterizedTypeName.get(ClassName.get(List.class),
                ParameterizedTypeName.get(ClassName.get(List.class), names.instruction));
        List<CodeBlock> mnemonics = new ArrayList<>();
        for (InstructionModel i : names.model.instructions()) {
            mnemonics.add(CodeBlock.of("$S", i.mnemonic()));
        }
        String definition = names.model.packageName().isEmpty() ? names.model.definition()
                : names.model.packageName() + "." + names.model.definition();
        TypeSpec type = TypeSpec.classBuilder(self)
                .addAnnotation(GeneratedNames.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(DESCRIPTOR, names.word, names.program))
                .addOriginatingElement(names.model.element())
                .addJavadoc("{@link $T} seen through {@link $T}: what a tool needs to run, check, prove and\n"
                        + "verify its programs without being compiled against it. Listed in\n{@code $L}.\n",
                        names.machine, DESCRIPTOR, SERVICE_FILE)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addJavadoc("For {@link java.util.ServiceLoader}.\n").build())
                .addMethod(returning("name", string, CodeBlock.of("$S", names.model.prefix())))
                .addMethod(returning("definition", string, CodeBlock.of("$S", definition)))
                .addMethod(returning("wordType", ParameterizedTypeName.get(RuntimeTypes.WORD_TYPE, names.word),
                        CodeBlock.of("$T.TYPE", names.word)))
                .addMethod(returning("layout", RuntimeTypes.MEMORY_LAYOUT, CodeBlock.of("$T.LAYOUT", names.machine)))
                .addMethod(returning("registers", ParameterizedTypeName.get(ClassName.get(List.class),
                        RuntimeTypes.REGISTER), CodeBlock.of("$T.REGISTERS", names.machine)))
                .addMethod(returning("mnemonics", ParameterizedTypeName.get(ClassName.get(List.class), string),
                        CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(mnemonics, ", "))))
                .addMethod(override("mnemonicOf", string).addParameter(TypeName.INT, "opcode")
                        .addStatement("return $T.mnemonicOf(opcode)", names.trace).build())
                .addMethod(override("parse", names.program).addParameter(string, "source")
                        .addStatement("return $T.parse(source)", names.assembler).build())
                .addMethod(override("programSize", TypeName.INT).addParameter(names.program, "program")
                        .addStatement("return program.size()").build())
                .addMethod(override("execute", ParameterizedTypeName.get(RUN, names.word)).addParameter(runs, "runs")
                        .addParameter(words, "input").addParameter(words, "advice")
                        .addStatement("$T machine = $T.create()", names.machine, names.machine)
                        .addStatement("machine.supplyInput(input)")
                        .addStatement("machine.supplyAdvice(advice)")
                        .addStatement("$T<$T> steps = new $T<>()", List.class, Long.class, ArrayList.class)
                        .beginControlFlow("for ($T program : runs)", names.program)
                        .addStatement("steps.add(machine.run(program))")
                        .endControlFlow()
                        .addStatement("return new $T<>(machine, steps)", RUN).build())
                .addMethod(override("newMachine", names.machine)
                        .addStatement("return $T.create()", names.machine).build())
                .addMethod(override("executeInSegments", ParameterizedTypeName.get(SEGMENTED_RUN, names.word))
                        .addParameter(runs, "runs").addParameter(words, "input").addParameter(words, "advice")
                        .addParameter(TypeName.LONG, "segmentSteps")
                        .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class),
                                WildcardTypeName.supertypeOf(SEGMENT)), "sink")
                        .addStatement("$T machine = newMachine()", names.machine)
                        .addStatement("machine.supplyInput(input)")
                        .addStatement("machine.supplyAdvice(advice)")
                        .addStatement("return $T.run(machine, instructions(runs), segmentSteps, sink)",
                                SEGMENTED_EXECUTION).build())
                .addMethod(override("replaySegment", ParameterizedTypeName.get(RuntimeTypes.TRACE, names.word))
                        .addParameter(runs, "runs").addParameter(SEGMENT, "segment").addParameter(words, "input")
                        .addParameter(words, "advice").addParameter(words, "output")
                        .addStatement("return $T.replay(newMachine(), instructions(runs), segment, input, advice, "
                                + "output)", SEGMENT_REPLAY).build())
                .addMethod(override("circuit", ParameterizedTypeName.get(CIRCUIT, names.word)).addParameter(runs, "runs")
                        .addStatement("return $T.circuit(runs)", circuit).build())
                .addMethod(instructionsOf(runs, instructionLists))
                .build();
        return JavaFile.builder(names.model.packageName(), type).skipJavaLangImports(true).build();
    }

    /** The instruction lists of the runs: what the runtime's segmented run and replay take. */
    private MethodSpec instructionsOf(TypeName runs, TypeName instructionLists) {
        return MethodSpec.methodBuilder("instructions").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(instructionLists).addParameter(runs, "runs")
                .addStatement("$T out = new $T<>(runs.size())", instructionLists, ArrayList.class)
                .beginControlFlow("for ($T program : runs)", names.program)
                .addStatement("out.add(program.instructions())")
                .endControlFlow()
                .addStatement("return out").build();
    }

    private static MethodSpec.Builder override(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(returns);
    }

    private static MethodSpec returning(String name, TypeName returns, CodeBlock value) {
        return override(name, returns).addStatement("return $L", value).build();
    }

    /**
     * Writes the service file listing {@code descriptors} (qualified names), sorted, with the machine
     * classes they came from as originating elements.
     */
    public static void writeServiceFile(Filer filer, Collection<String> descriptors, Element... origins)
            throws IOException {
        var file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", SERVICE_FILE, origins);
        try (Writer out = file.openWriter()) {
            for (String descriptor : new TreeSet<>(descriptors)) {
                out.write(descriptor);
                out.write('\n');
            }
        }
    }
}
