package dev.zkjvm.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.zkjvm.processor.model.InstructionModel;
import dev.zkjvm.processor.model.OperandModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Generates {@code <prefix>Assembler}, which parses the assembly text that instructions print. */
final class AssemblerGenerator {
    private final GeneratedNames names;

    AssemblerGenerator(GeneratedNames names) {
        this.names = names;
    }

    JavaFile generate() {
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("$T.Builder program = $T.builder()", names.program, names.program)
                .beginControlFlow("for ($T line : $T.parse(source))", RuntimeTypes.ASSEMBLY_LINE, RuntimeTypes.ASSEMBLY_SOURCE)
                .beginControlFlow("switch (line.mnemonic())");
        List<CodeBlock> mnemonics = new ArrayList<>();
        for (InstructionModel i : names.model.instructions()) {
            mnemonics.add(CodeBlock.of("$S", i.mnemonic()));
            List<CodeBlock> args = new ArrayList<>();
            for (int k = 0; k < i.operands().size(); k++) {
                args.add(operand(i.operands().get(k), k));
            }
            body.beginControlFlow("case $S:", i.mnemonic())
                    .addStatement("line.expectOperands($L)", i.operands().size())
                    .addStatement("program.append(new $T($L))", names.instructionRecord(i.recordName()),
                            CodeBlock.join(args, ", "))
                    .addStatement("break")
                    .endControlFlow();
        }
        body.addStatement("default: throw line.unknownMnemonic(MNEMONICS)")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return program.build()");
        TypeSpec type = TypeSpec.classBuilder(names.assembler)
                .addAnnotation(GeneratedNames.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addOriginatingElement(names.model.element())
                .addJavadoc("Parses assembly text into a {@link $T}.\n\n<p>One instruction per line:\n"
                        + "{@code [label:] mnemonic [operand[, operand]...]}; comments start with {@code ;} or {@code #}.\n"
                        + "Word operands are decimal (negative taken mod 2^bits), {@code 0x} hexadecimal, or a label,\n"
                        + "which stands for the index of the instruction after it. Registers are named.\n",
                        names.program)
                .addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class)),
                                "MNEMONICS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.of($L)", List.class, CodeBlock.join(mnemonics, ", ")).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("parse")
                        .addJavadoc("The program written in {@code source}.\n\n"
                                + "@throws dev.zkjvm.runtime.asm.AssemblyException naming the line and column of the first mistake\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(names.program)
                        .addParameter(String.class, "source").addCode(body.build()).build())
                .build();
        return JavaFile.builder(names.model.packageName(), type).skipJavaLangImports(true).build();
    }

    private CodeBlock operand(OperandModel o, int k) {
        return switch (o.kind()) {
            case WORD -> CodeBlock.of("line.word($L, $T.TYPE)", k, names.word);
            case REGISTER -> CodeBlock.of("line.register($L, $T.REGISTERS)", k, names.machine);
            case LONG -> CodeBlock.of("line.longValue($L)", k);
            case INT -> CodeBlock.of("line.intValue($L)", k);
        };
    }
}
