package dev.zkjvm.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <prefix>Context}: the seed's context, read-only, plus inspection of cells
 * that records no access (for tests and debugging).
 */
final class ContextGenerator {
    private final GeneratedNames names;

    ContextGenerator(GeneratedNames names) {
        this.names = names;
    }

    JavaFile generate() {
        TypeName core = ParameterizedTypeName.get(RuntimeTypes.MACHINE_CORE, names.word);
        TypeSpec.Builder type = TypeSpec.classBuilder(names.context)
                .addAnnotation(GeneratedNames.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(RuntimeTypes.ABSTRACT_CONTEXT, names.word))
                .addOriginatingElement(names.model.element())
                .addJavadoc("The state of a {@link $T} apart from its cells, and inspection of cells that\n"
                        + "records no access.\n", names.machine)
                .addField(core, "core", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addParameter(core, "core")
                        .addStatement("this.core = core").build());
        delegate(type, "layout", RuntimeTypes.MEMORY_LAYOUT);
        delegate(type, "wordType", ParameterizedTypeName.get(RuntimeTypes.WORD_TYPE, names.word));
        delegate(type, "timeLog", TypeName.LONG);
        delegate(type, "stackDepth", TypeName.INT);
        delegate(type, "stackPointer", TypeName.LONG);
        delegate(type, "step", TypeName.LONG);
        delegate(type, "programCounter", TypeName.LONG);
        delegate(type, "halted", TypeName.BOOLEAN);
        type.addMethod(MethodSpec.methodBuilder("register")
                .addJavadoc("The value of {@code register} now, without recording an access.\n")
                .addModifiers(Modifier.PUBLIC).returns(names.word).addParameter(RuntimeTypes.REGISTER, "register")
                .beginControlFlow("if (register.index() >= core.layout().registerCount())")
                .addStatement("throw new $T(\"not a register of this machine: \" + register)",
                        IllegalArgumentException.class)
                .endControlFlow()
                .addStatement("return core.peekCell(core.layout().registers().firstCell() + register.index())").build());
        type.addMethod(MethodSpec.methodBuilder("memory")
                .addJavadoc("The word at an aligned byte address of any section, without recording an access.\n")
                .addModifiers(Modifier.PUBLIC).returns(names.word).addParameter(long.class, "address")
                .beginControlFlow("if (address % $L != 0 || address < 0 || address >= core.layout().endAddress())",
                        names.model.wordSize())
                .addStatement("throw new $T(\"not an aligned address of this machine: \" + address)",
                        IllegalArgumentException.class)
                .endControlFlow()
                .addStatement("return core.peekCell(address / $L)", names.model.wordSize()).build());
        TypeName list = ParameterizedTypeName.get(ClassName.get(List.class), names.word);
        type.addMethod(MethodSpec.methodBuilder("stack")
                .addJavadoc("The words on the stack, bottom first, without recording accesses.\n")
                .addModifiers(Modifier.PUBLIC).returns(list)
                .addStatement("$T words = new $T<>()", list, ArrayList.class)
                .addStatement("long first = core.layout().stack().firstCell()")
                .beginControlFlow("for (int i = 0; i < core.stackDepth(); i++)")
                .addStatement("words.add(core.peekCell(first + i))")
                .endControlFlow()
                .addStatement("return $T.copyOf(words)", List.class).build());
        return JavaFile.builder(names.model.packageName(), type.build()).skipJavaLangImports(true).build();
    }

    private static void delegate(TypeSpec.Builder type, String method, TypeName returns) {
        type.addMethod(MethodSpec.methodBuilder(method).addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(returns)
                .addStatement("return core.$N()", method).build());
    }
}
