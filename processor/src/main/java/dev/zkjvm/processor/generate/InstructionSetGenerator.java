package dev.zkjvm.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.zkjvm.processor.model.InstructionModel;
import dev.zkjvm.processor.model.OperandModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <prefix>Instruction}: a sealed interface with one record per instruction,
 * opcode constants, encoding to words, decoding from words and assembly-text {@code toString}.
 */
final class InstructionSetGenerator {
    private final GeneratedNames names;

    InstructionSetGenerator(GeneratedNames names) {
        this.names = names;
    }

    JavaFile generate() {
        TypeName words = ParameterizedTypeName.get(ClassName.get(List.class), names.word);
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(names.instruction)
                .addAnnotation(GeneratedNames.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addSuperinterface(ParameterizedTypeName.get(RuntimeTypes.ABSTRACT_INSTRUCTION, names.word, names.machine))
                .addOriginatingElement(names.model.element())
                .addJavadoc("The instruction set of {@link $T}: one record per {@code @Instruction} method, in opcode order.\n"
                        + "\n<p>An instruction encodes as its opcode word followed by one word per operand; its\n"
                        + "{@code toString()} is its assembly text, which {@link $T} parses back.\n", names.definition, names.assembler);
        for (InstructionModel i : names.model.instructions()) {
            type.addField(FieldSpec.builder(int.class, GeneratedNames.opcodeConstant(i.mnemonic()),
                            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Opcode of {@code $L}.\n", i.mnemonic())
                    .initializer("$L", i.opcode()).build());
        }
        type.addMethod(MethodSpec.methodBuilder("encodedLength")
                .addJavadoc("Words this instruction occupies when encoded: its opcode, then one per operand.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT).returns(int.class).build());
        type.addMethod(MethodSpec.methodBuilder("encodeTo")
                .addJavadoc("Appends the encoded words of this instruction to {@code out}.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT).addParameter(words, "out").build());
        type.addMethod(MethodSpec.methodBuilder("encode")
                .addJavadoc("The encoded words of this instruction.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT).returns(words)
                .addStatement("$T out = new $T<>(encodedLength())", words, ArrayList.class)
                .addStatement("encodeTo(out)")
                .addStatement("return out").build());
        type.addMethod(MethodSpec.methodBuilder("execute")
                .addJavadoc("Executes this instruction on {@code machine} as one atomic step.\n")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT).addParameter(names.machine, "machine")
                .addStatement("machine.exec(this)").build());
        type.addMethod(decode(words));
        for (InstructionModel i : names.model.instructions()) {
            ClassName record = names.instructionRecord(i.recordName());
            type.addPermittedSubclass(record);
            type.addType(record(i, record, words));
        }
        return JavaFile.builder(names.model.packageName(), type.build()).skipJavaLangImports(true).build();
    }

    private MethodSpec decode(TypeName words) {
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("int opcode = $T.opcode(words, offset)", RuntimeTypes.INSTRUCTION_CODEC)
                .beginControlFlow("switch (opcode)");
        for (InstructionModel i : names.model.instructions()) {
            body.beginControlFlow("case $L:", GeneratedNames.opcodeConstant(i.mnemonic()))
                    .addStatement("$T.require(words, offset, $L, $S)", RuntimeTypes.INSTRUCTION_CODEC,
                            i.encodedLength(), i.mnemonic());
            List<CodeBlock> args = new ArrayList<>();
            for (int k = 0; k < i.operands().size(); k++) {
                args.add(decodeOperand(i.operands().get(k), CodeBlock.of("words.get(offset + $L)", k + 1)));
            }
            body.addStatement("return new $T($L)", names.instructionRecord(i.recordName()), CodeBlock.join(args, ", "))
                    .endControlFlow();
        }
        body.addStatement("default: throw $T.unknown(words, offset)", RuntimeTypes.INSTRUCTION_CODEC).endControlFlow();
        return MethodSpec.methodBuilder("decode")
                .addJavadoc("Decodes the instruction whose opcode is {@code words.get(offset)}.\n\n"
                        + "@throws dev.zkjvm.runtime.UnknownOpcodeException if that word is no opcode of this machine,\n"
                        + "    an operand is out of range, or the words end too soon\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(names.instruction)
                .addParameter(words, "words").addParameter(int.class, "offset")
                .addCode(body.build()).build();
    }

    private CodeBlock decodeOperand(OperandModel operand, CodeBlock word) {
        return switch (operand.kind()) {
            case WORD -> word;
            case REGISTER -> CodeBlock.of("$T.register($L, $T.REGISTERS)", RuntimeTypes.INSTRUCTION_CODEC, word, names.machine);
            case LONG -> CodeBlock.of("$T.longOperand($L)", RuntimeTypes.INSTRUCTION_CODEC, word);
            case INT -> CodeBlock.of("$T.intOperand($L)", RuntimeTypes.INSTRUCTION_CODEC, word);
        };
    }

    private TypeSpec record(InstructionModel i, ClassName record, TypeName words) {
        String opcode = GeneratedNames.opcodeConstant(i.mnemonic());
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
        MethodSpec.Builder compact = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        boolean anyObject = false;
        for (OperandModel o : i.operands()) {
            ctor.addParameter(ParameterSpec.builder(names.operandType(o.kind()), o.name()).build());
            if (!names.operandType(o.kind()).isPrimitive()) {
                compact.addStatement("$T.requireNonNull($N, $S)", Objects.class, o.name(), o.name());
                anyObject = true;
            }
        }
        TypeSpec.Builder type = TypeSpec.recordBuilder(record)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(names.instruction)
                .recordConstructor(ctor.build())
                .addJavadoc("{@code $L}: runs {@link $T#$L}.\n", i.mnemonic(), names.definition, i.methodName());
        if (anyObject) {
            type.addMethod(compact.build());
        }
        type.addMethod(MethodSpec.methodBuilder("opcode").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(int.class).addStatement("return $L", opcode).build());
        type.addMethod(MethodSpec.methodBuilder("mnemonic").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(String.class).addStatement("return $S", i.mnemonic()).build());
        type.addMethod(MethodSpec.methodBuilder("encodedLength").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(int.class).addStatement("return $L", i.encodedLength()).build());
        MethodSpec.Builder encode = MethodSpec.methodBuilder("encodeTo").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).addParameter(words, "out")
                .addStatement("out.add($T.TYPE.of($L))", names.word, opcode);
        for (OperandModel o : i.operands()) {
            encode.addStatement("out.add($L)", encodeOperand(o));
        }
        type.addMethod(encode.build());
        CodeBlock text = CodeBlock.of("$S", i.mnemonic());
        for (int k = 0; k < i.operands().size(); k++) {
            text = CodeBlock.of("$L + $S + $N", text, k == 0 ? " " : ", ", i.operands().get(k).name());
        }
        type.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
                .addJavadoc("The assembly text of this instruction.\n")
                .addModifiers(Modifier.PUBLIC).returns(String.class).addStatement("return $L", text).build());
        return type.build();
    }

    private CodeBlock encodeOperand(OperandModel o) {
        return switch (o.kind()) {
            // "this." because an operand may share its name with encodeTo's parameter.
            case WORD -> CodeBlock.of("this.$N", o.name());
            case REGISTER -> CodeBlock.of("$T.TYPE.of(this.$N.index())", names.word, o.name());
            case LONG, INT -> CodeBlock.of("$T.TYPE.of(this.$N)", names.word, o.name());
        };
    }
}
