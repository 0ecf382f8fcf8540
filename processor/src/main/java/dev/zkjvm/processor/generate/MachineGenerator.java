package dev.zkjvm.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.zkjvm.processor.model.InstructionModel;
import dev.zkjvm.processor.model.MachineModel;
import dev.zkjvm.processor.model.OperandModel;
import dev.zkjvm.processor.model.RegisterModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <prefix>Machine}: the layout and register constants, the wiring of the
 * annotated class's fields, and the dispatch from instruction records to their bodies. All
 * other behaviour is inherited from the runtime's {@code MachineSupport}.
 */
final class MachineGenerator {
    private final GeneratedNames names;

    MachineGenerator(GeneratedNames names) {
        this.names = names;
    }

    JavaFile generate() {
        MachineModel m = names.model;
        TypeSpec.Builder type = TypeSpec.classBuilder(names.machine)
                .addAnnotation(GeneratedNames.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(RuntimeTypes.MACHINE_SUPPORT, names.word, names.instruction))
                .addOriginatingElement(m.element())
                .addJavadoc("The virtual machine defined by {@link $T}: $L-bit words, $L register(s), "
                        + "$L.\n\n<p>Create one with {@link #create()}, run a {@link $T} with {@link #run($T)}, and read\n"
                        + "its {@link #trace()}. A failed instruction throws a {@code VmException} and leaves the machine\n"
                        + "exactly as before that instruction.\n",
                        names.definition, 8 * m.wordSize(), m.registers().size(),
                        m.stackField().isPresent() ? "a stack of " + m.stackDepth() + " words" : "no stack",
                        names.program, names.program);
        type.addField(FieldSpec.builder(RuntimeTypes.MEMORY_LAYOUT, "LAYOUT", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The address space: sections and buffer zones as declared on {@link $T}.\n", names.definition)
                .initializer("new $T($L, $T.$L, $LL, $LL, $LL, $LL)", RuntimeTypes.MEMORY_LAYOUT, m.wordSize(),
                        RuntimeTypes.SECTION_ORDER, m.headLayout() ? "HEAD" : "TAIL", m.stackCells(),
                        m.registers().size(), m.bufferCells(), m.memoryCells())
                .build());
        List<CodeBlock> registerRefs = new ArrayList<>();
        for (RegisterModel r : m.registers()) {
            type.addField(FieldSpec.builder(RuntimeTypes.REGISTER, r.constantName(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Register {@code $L} (field {@code $L}), cell $L of the register section.\n",
                            r.name(), r.fieldName(), r.index())
                    .initializer("new $T($L, $S)", RuntimeTypes.REGISTER, r.index(), r.name()).build());
            registerRefs.add(CodeBlock.of("$N", r.constantName()));
        }
        type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), RuntimeTypes.REGISTER),
                        "REGISTERS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Every register, by index.\n")
                .initializer("$T.of($L)", List.class, CodeBlock.join(registerRefs, ", ")).build());
        type.addField(FieldSpec.builder(names.definition, "definition", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T()", names.definition).build());
        type.addField(FieldSpec.builder(names.context, "context", Modifier.PRIVATE, Modifier.FINAL).build());

        MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                .addStatement("super($T.TYPE, LAYOUT, $LL)", names.word, m.maxSteps());
        for (RegisterModel r : m.registers()) {
            ctor.addStatement("definition.$N = $N", r.fieldName(), r.constantName());
        }
        m.stackField().ifPresent(f -> ctor.addStatement("definition.$N = core.stack()", f));
        ctor.addStatement("context = new $T(core)", names.context);
        type.addMethod(ctor.build());

        type.addMethod(MethodSpec.methodBuilder("create")
                .addJavadoc("A new machine: every cell zero, empty stack, empty trace, program counter 0.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(names.machine)
                .addStatement("return new $T()", names.machine).build());
        type.addMethod(dispatch());
        type.addMethod(MethodSpec.methodBuilder("run")
                .addJavadoc("Runs {@code program} from its first instruction until it halts or runs off its end.\n\n"
                        + "@return the number of steps executed\n")
                .addModifiers(Modifier.PUBLIC).returns(long.class).addParameter(names.program, "program")
                .addStatement("return run(program.instructions())").build());
        type.addMethod(MethodSpec.methodBuilder("run")
                .addJavadoc("Runs {@code program} with an explicit step limit.\n\n@return the number of steps executed\n")
                .addModifiers(Modifier.PUBLIC).returns(long.class).addParameter(names.program, "program")
                .addParameter(long.class, "maxSteps")
                .addStatement("return run(program.instructions(), maxSteps)").build());
        type.addMethod(MethodSpec.methodBuilder("trace").addAnnotation(Override.class)
                .addJavadoc("The trace so far, in time order (a view; it does not copy).\n")
                .addModifiers(Modifier.PUBLIC).returns(names.trace)
                .addStatement("return new $T(core.trace())", names.trace).build());
        type.addMethod(MethodSpec.methodBuilder("context").addAnnotation(Override.class)
                .addJavadoc("The machine's state apart from its cells.\n")
                .addModifiers(Modifier.PUBLIC).returns(names.context)
                .addStatement("return context").build());
        return JavaFile.builder(m.packageName(), type.build()).skipJavaLangImports(true).build();
    }

    private MethodSpec dispatch() {
        CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("switch (opcode)");
        for (InstructionModel i : names.model.instructions()) {
            ClassName record = names.instructionRecord(i.recordName());
            List<CodeBlock> args = new ArrayList<>();
            for (OperandModel o : i.operands()) {
                args.add(CodeBlock.of("i.$N()", o.name()));
            }
            if (i.takesVm()) {
                args.add(CodeBlock.of("core"));
            }
            body.beginControlFlow("case $T.$L:", names.instruction, GeneratedNames.opcodeConstant(i.mnemonic()));
            if (i.operands().isEmpty()) {
                body.addStatement("definition.$N($L)", i.methodName(), CodeBlock.join(args, ", "));
            } else {
                body.addStatement("$T i = ($T) instruction", record, record)
                        .addStatement("definition.$N($L)", i.methodName(), CodeBlock.join(args, ", "));
            }
            body.addStatement("break").endControlFlow();
        }
        body.addStatement("default: throw new $T(\"no body for \" + instruction)", IllegalStateException.class)
                .endControlFlow();
        return MethodSpec.methodBuilder("dispatch").addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED).addParameter(RuntimeTypes.ABSTRACT_INSTRUCTION_ANY, "instruction")
                .addParameter(int.class, "opcode")
                .addCode(body.build()).build();
    }
}
