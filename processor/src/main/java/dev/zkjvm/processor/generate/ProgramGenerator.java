package dev.zkjvm.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.zkjvm.processor.model.InstructionModel;
import dev.zkjvm.processor.model.OperandKind;
import dev.zkjvm.processor.model.OperandModel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <prefix>Program}: an immutable list of instructions with encoding, decoding,
 * assembly text, and a fluent builder with one method per instruction
 * ({@code builder().push(2).push(3).add().build()}).
 */
final class ProgramGenerator {
    private final GeneratedNames names;

    ProgramGenerator(GeneratedNames names) {
        this.names = names;
    }

    JavaFile generate() {
        TypeName instructions = ParameterizedTypeName.get(ClassName.get(List.class), names.instruction);
        TypeName words = ParameterizedTypeName.get(ClassName.get(List.class), names.word);
        TypeSpec.Builder type = TypeSpec.classBuilder(names.program)
                .addAnnotation(GeneratedNames.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addOriginatingElement(names.model.element())
                .addJavadoc("A program for {@link $T}: an immutable list of instructions. Build one with\n"
                        + "{@link #builder()}, parse one with {@link $T#parse(String)}, or {@link #decode(List)} words.\n"
                        + "Its {@code toString()} is assembly text that parses back to an equal program.\n",
                        names.machine, names.assembler)
                .addField(FieldSpec.builder(instructions, "instructions", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addJavadoc("A program of these instructions, in order.\n")
                        .addParameter(ParameterizedTypeName.get(ClassName.get(List.class),
                                com.palantir.javapoet.WildcardTypeName.subtypeOf(names.instruction)), "instructions")
                        .addStatement("this.instructions = $T.copyOf(instructions)", List.class).build())
                .addMethod(MethodSpec.methodBuilder("instructions")
                        .addJavadoc("The instructions, in order.\n")
                        .addModifiers(Modifier.PUBLIC).returns(instructions).addStatement("return instructions").build())
                .addMethod(MethodSpec.methodBuilder("size")
                        .addJavadoc("Number of instructions.\n")
                        .addModifiers(Modifier.PUBLIC).returns(int.class).addStatement("return instructions.size()").build())
                .addMethod(MethodSpec.methodBuilder("encode")
                        .addJavadoc("The program as words: each instruction's opcode followed by its operands.\n")
                        .addModifiers(Modifier.PUBLIC).returns(words)
                        .addStatement("$T out = new $T<>()", words, ArrayList.class)
                        .beginControlFlow("for ($T i : instructions)", names.instruction)
                        .addStatement("i.encodeTo(out)")
                        .endControlFlow()
                        .addStatement("return out").build())
                .addMethod(MethodSpec.methodBuilder("decode")
                        .addJavadoc("The program that {@link #encode()} turned into {@code words}.\n\n"
                                + "@throws dev.zkjvm.runtime.UnknownOpcodeException if the words are no program of this machine\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(names.program).addParameter(words, "words")
                        .addStatement("$T out = new $T<>()", instructions, ArrayList.class)
                        .addStatement("int offset = 0")
                        .beginControlFlow("while (offset < words.size())")
                        .addStatement("$T i = $T.decode(words, offset)", names.instruction, names.instruction)
                        .addStatement("out.add(i)")
                        .addStatement("offset += i.encodedLength()")
                        .endControlFlow()
                        .addStatement("return new $T(out)", names.program).build())
                .addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
                        .addJavadoc("The program as assembly text, one instruction per line.\n")
                        .addModifiers(Modifier.PUBLIC).returns(String.class)
                        .addStatement("return instructions.stream().map(Object::toString).collect($T.joining($S))",
                                Collectors.class, "\n").build())
                .addMethod(MethodSpec.methodBuilder("equals").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).returns(boolean.class).addParameter(Object.class, "other")
                        .addStatement("return other instanceof $T p && p.instructions.equals(instructions)", names.program)
                        .build())
                .addMethod(MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).returns(int.class).addStatement("return instructions.hashCode()").build())
                .addMethod(MethodSpec.methodBuilder("builder")
                        .addJavadoc("An empty builder.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(names.programBuilder)
                        .addStatement("return new $T()", names.programBuilder).build())
                .addType(builder(instructions));
        return JavaFile.builder(names.model.packageName(), type.build()).skipJavaLangImports(true).build();
    }

    private TypeSpec builder(TypeName instructions) {
        TypeSpec.Builder b = TypeSpec.classBuilder(names.programBuilder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Appends instructions in order; {@link #nextIndex()} gives jump targets.\n")
                .addField(FieldSpec.builder(instructions, "instructions", Modifier.PRIVATE, Modifier.FINAL)
                        .initializer("new $T<>()", ArrayList.class).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("append")
                        .addJavadoc("Appends any instruction.\n")
                        .addModifiers(Modifier.PUBLIC).returns(names.programBuilder)
                        .addParameter(names.instruction, "instruction")
                        .addStatement("instructions.add($T.requireNonNull(instruction, $S))", java.util.Objects.class, "instruction")
                        .addStatement("return this").build())
                .addMethod(MethodSpec.methodBuilder("nextIndex")
                        .addJavadoc("Index the next appended instruction will have (a jump target).\n")
                        .addModifiers(Modifier.PUBLIC).returns(int.class)
                        .addStatement("return instructions.size()").build())
                .addMethod(MethodSpec.methodBuilder("build")
                        .addJavadoc("The program built so far.\n")
                        .addModifiers(Modifier.PUBLIC).returns(names.program)
                        .addStatement("return new $T(instructions)", names.program).build());
        for (InstructionModel i : names.model.instructions()) {
            b.addMethod(appendMethod(i, false));
            boolean hasWord = i.operands().stream().anyMatch(o -> o.kind() == OperandKind.WORD);
            if (hasWord) {
                b.addMethod(appendMethod(i, true));
            }
        }
        return b.build();
    }

    /** {@code push(U64 imm)}, or with {@code longWords} the convenience {@code push(long imm)}. */
    private MethodSpec appendMethod(InstructionModel i, boolean longWords) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(i.mnemonic())
                .addModifiers(Modifier.PUBLIC).returns(names.programBuilder)
                .addJavadoc(longWords ? "Appends {@code $L}, word operands given as {@code long}s.\n" : "Appends {@code $L}.\n",
                        i.mnemonic());
        List<CodeBlock> args = new ArrayList<>();
        for (OperandModel o : i.operands()) {
            boolean asLong = longWords && o.kind() == OperandKind.WORD;
            m.addParameter(asLong ? TypeName.LONG : names.operandType(o.kind()), o.name());
            args.add(asLong ? CodeBlock.of("$T.of($N)", names.word, o.name()) : CodeBlock.of("$N", o.name()));
        }
        return m.addStatement("return append(new $T($L))", names.instructionRecord(i.recordName()),
                CodeBlock.join(args, ", ")).build();
    }
}
