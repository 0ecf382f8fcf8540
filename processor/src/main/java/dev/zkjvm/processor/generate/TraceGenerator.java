package dev.zkjvm.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.zkjvm.processor.model.InstructionModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Generates {@code <prefix>TraceRecord} (a record) and {@code <prefix>Trace} (typed view of the columns). */
final class TraceGenerator {
    private final GeneratedNames names;

    TraceGenerator(GeneratedNames names) {
        this.names = names;
    }

    JavaFile record() {
        MethodSpec ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addParameter(long.class, "time").addParameter(int.class, "stackDepth")
                .addParameter(RuntimeTypes.MEMORY_INSTRUCTION, "instruction").addParameter(long.class, "address")
                .addParameter(names.word, "value").addParameter(long.class, "step").addParameter(int.class, "opcode")
                .build();
        TypeSpec type = TypeSpec.recordBuilder(names.traceRecord)
                .addAnnotation(GeneratedNames.generated())
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(ParameterizedTypeName.get(RuntimeTypes.ABSTRACT_TRACE_RECORD, names.word))
                .addOriginatingElement(names.model.element())
                .recordConstructor(ctor)
                .addJavadoc("One recorded cell access of a {@link $T}.\n\n"
                        + "@param time time of the access, from 0, +1 per access\n"
                        + "@param stackDepth words on the stack after the access\n"
                        + "@param instruction read or write\n"
                        + "@param address byte address of the cell\n"
                        + "@param value what the cell held (read) or holds now (write)\n"
                        + "@param step step of the instruction that made the access, or -1 for a direct access\n"
                        + "@param opcode that instruction's opcode, or -1\n", names.machine)
                .addMethod(MethodSpec.methodBuilder("mnemonic")
                        .addJavadoc("Mnemonic of the instruction that made the access.\n")
                        .addModifiers(Modifier.PUBLIC).returns(String.class)
                        .addStatement("return $T.mnemonicOf(opcode)", names.trace).build())
                .build();
        return JavaFile.builder(names.model.packageName(), type).skipJavaLangImports(true).build();
    }

    JavaFile trace() {
        CodeBlock.Builder mnemonics = CodeBlock.builder().beginControlFlow("switch (opcode)");
        for (InstructionModel i : names.model.instructions()) {
            mnemonics.addStatement("case $T.$L: return $S", names.instruction,
                    GeneratedNames.opcodeConstant(i.mnemonic()), i.mnemonic());
        }
        mnemonics.addStatement("case -1: return $S", "(direct)")
                .addStatement("default: return $S + opcode", "opcode ")
                .endControlFlow();
        TypeName list = ParameterizedTypeName.get(ClassName.get(List.class), names.traceRecord);
        TypeSpec type = TypeSpec.classBuilder(names.trace)
                .addAnnotation(GeneratedNames.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(RuntimeTypes.TRACE, names.word))
                .addOriginatingElement(names.model.element())
                .addJavadoc("The execution trace of a {@link $T}: columns on primitive arrays, with typed record views.\n",
                        names.machine)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addJavadoc("A typed view of {@code columns} (not copied).\n")
                        .addParameter(ParameterizedTypeName.get(RuntimeTypes.TRACE, names.word), "columns")
                        .addStatement("super(columns)").build())
                .addMethod(MethodSpec.methodBuilder("record").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).returns(names.traceRecord).addParameter(int.class, "i")
                        .addStatement("return new $T(time(i), stackDepth(i), instruction(i), address(i), value(i), step(i), opcode(i))",
                                names.traceRecord).build())
                .addMethod(MethodSpec.methodBuilder("records").addAnnotation(Override.class)
                        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
                        .addModifiers(Modifier.PUBLIC).returns(list)
                        .addStatement("return ($T) super.records()", list).build())
                .addMethod(MethodSpec.methodBuilder("mnemonicOf")
                        .addJavadoc("The mnemonic of an opcode, {@code (direct)} for -1.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(String.class)
                        .addParameter(int.class, "opcode").addCode(mnemonics.build()).build())
                .build();
        return JavaFile.builder(names.model.packageName(), type).skipJavaLangImports(true).build();
    }
}
