package dev.zkjvm.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <prefix>Circuit}: the machine's circuit (memory consistency plus its layout's
 * rules) and the one-call check of a trace. Generated only when {@code zkjvm-machine-circuit} is
 * on the class path.
 */
final class CircuitGenerator {
    static final String MACHINE_CIRCUIT = "dev.zkjvm.circuit.machine.MachineCircuit";
    private static final ClassName CIRCUIT = ClassName.get("dev.zkjvm.circuit.machine", "MachineCircuit");
    private static final ClassName REPORT = ClassName.get("dev.zkjvm.circuit.check", "CheckReport");

    private final GeneratedNames names;

    CircuitGenerator(GeneratedNames names) {
        this.names = names;
    }

    JavaFile generate() {
        TypeName circuit = ParameterizedTypeName.get(CIRCUIT, names.word);
        TypeName trace = ParameterizedTypeName.get(RuntimeTypes.TRACE, names.word);
        ClassName self = ClassName.get(names.model.packageName(), names.model.prefix() + "Circuit");
        TypeSpec type = TypeSpec.classBuilder(self)
                .addAnnotation(GeneratedNames.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addOriginatingElement(names.model.element())
                .addJavadoc("The circuit of {@link $T}: memory consistency and the rules of its layout.\n\n"
                        + "<p>{@code $T.check(machine.trace())} checks a trace in one call and names every\n"
                        + "constraint it breaks.\n", names.machine, self)
                .addField(FieldSpec.builder(circuit, "CIRCUIT", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.of($S, $T.TYPE, $T.LAYOUT)", CIRCUIT, names.model.prefix(), names.word,
                                names.machine)
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("circuit")
                        .addJavadoc("The circuit: constraint system, witness builder and checker.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(circuit)
                        .addStatement("return CIRCUIT").build())
                .addMethod(MethodSpec.methodBuilder("check")
                        .addJavadoc("Checks {@code trace} against every constraint of this machine's circuit.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(REPORT)
                        .addParameter(trace, "trace")
                        .addStatement("return CIRCUIT.check(trace, $T::mnemonicOf)", names.trace).build())
                .build();
        return JavaFile.builder(names.model.packageName(), type).skipJavaLangImports(true).build();
    }
}
