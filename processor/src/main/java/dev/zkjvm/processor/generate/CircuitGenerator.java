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
import dev.zkjvm.processor.model.OperandModel;
import dev.zkjvm.processor.model.RegisterModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <prefix>Circuit}: the machine's circuit and the one-call checks of a trace, with
 * memory consistency and the layout's rules alone, or with the execution table of the programs
 * that made the trace. Each instruction is listed with a lambda that runs its body on a symbolic
 * call, which is how its constraints are derived from the body itself. Generated only when
 * {@code zkjvm-machine-circuit} is on the class path.
 */
final class CircuitGenerator {
    static final String MACHINE_CIRCUIT = "dev.zkjvm.circuit.machine.MachineCircuit";
    private static final String EXEC = "dev.zkjvm.circuit.machine.exec";
    private static final ClassName CIRCUIT = ClassName.get("dev.zkjvm.circuit.machine", "MachineCircuit");
    private static final ClassName REPORT = ClassName.get("dev.zkjvm.circuit.check", "CheckReport");
    private static final ClassName SPEC = ClassName.get(EXEC, "InstructionSpec");
    private static final ClassName CALL = ClassName.get(EXEC, "SymbolicCall");
    private static final ClassName OPERAND_KIND = ClassName.get(EXEC, "OperandKind");
    private static final ClassName PROGRAM = ClassName.get(EXEC, "ExecutionProgram");
    private static final String STARK = "dev.zkjvm.circuit.stark";
    private static final ClassName PROOF = ClassName.get(STARK, "StarkProof");
    private static final ClassName TABLE_PROOF = ClassName.get("dev.zkjvm.circuit.tables.stark", "TableProof");
    private static final ClassName STATEMENT = ClassName.get("dev.zkjvm.circuit.machine", "Statement");
    private static final ClassName RUN_PROOF = ClassName.get("dev.zkjvm.circuit.machine", "RunProof");
    private static final ClassName CONFIG = ClassName.get(STARK, "StarkConfig");
    private static final ClassName PROGRESS = ClassName.get(STARK, "ProofProgress");
    private static final ClassName INVALID_PROOF = ClassName.get(STARK, "InvalidProofException");
    private static final ClassName UNCONSTRAINABLE = ClassName.get(EXEC, "UnconstrainableBodyException");

    private final GeneratedNames names;

    CircuitGenerator(GeneratedNames names) {
        this.names = names;
    }

    JavaFile generate() {
        TypeName circuit = ParameterizedTypeName.get(CIRCUIT, names.word);
        TypeName trace = ParameterizedTypeName.get(RuntimeTypes.TRACE, names.word);
        TypeName spec = ParameterizedTypeName.get(SPEC, names.word);
        TypeName specs = ParameterizedTypeName.get(ClassName.get(List.class), spec);
        TypeName program = ParameterizedTypeName.get(PROGRAM, names.word);
        TypeName runs = ParameterizedTypeName.get(ClassName.get(List.class), names.program);
        TypeName statement = ParameterizedTypeName.get(STATEMENT, names.word);
        ClassName self = ClassName.get(names.model.packageName(), names.model.prefix() + "Circuit");
        ClassName forProgram = self.nestedClass("ForProgram");
        TypeSpec type = TypeSpec.classBuilder(self)
                .addAnnotation(GeneratedNames.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addOriginatingElement(names.model.element())
                .addJavadoc("The circuit of {@link $T}: memory consistency, the rules of its layout, and the\n"
                        + "constraints of every instruction, derived from the bodies in {@link $T}.\n\n"
                        + "<p>{@code $T.check(program, machine.trace())} checks that the trace is a run of\n"
                        + "{@code program}, step by step, and names every constraint it breaks;\n"
                        + "{@code $T.check(machine.trace())} checks memory consistency and the layout only;\n"
                        + "{@code $T.proveTables(program, machine.trace())} makes a zero-knowledge STARK proof of\n"
                        + "the run on tables that {@code $T.isValidTables(program, statement, proof)} checks without\n"
                        + "the trace, for the run's {@link $T}: the public input it read and the output it wrote;\n"
                        + "{@code $T.prove(program, machine.trace())} makes the one-table proof that\n"
                        + "{@code $T.verify(program, proof)} checks.\n",
                        names.machine, names.definition, self, self, self, self, STATEMENT, self, self)
                .addField(FieldSpec.builder(specs, "INSTRUCTIONS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(instructionList()).build())
                .addField(FieldSpec.builder(circuit, "CIRCUIT", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.of($S, $T.TYPE, $T.LAYOUT, $T.REGISTERS, INSTRUCTIONS)", CIRCUIT,
                                names.model.prefix(), names.word, names.machine, names.machine)
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(definition())
                .addMethod(MethodSpec.methodBuilder("circuit")
                        .addJavadoc("The memory circuit: constraint system, witness builder and checker.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(circuit)
                        .addStatement("return CIRCUIT").build())
                .addMethod(MethodSpec.methodBuilder("circuit")
                        .addJavadoc("The whole circuit of a trace made by running {@code runs} one after another"
                                + " on one machine.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(circuit)
                        .addParameter(runs, "runs")
                        .addStatement("return CIRCUIT.forProgram(program(runs))").build())
                .addMethod(MethodSpec.methodBuilder("program")
                        .addJavadoc("The public input of an execution check: the programs a trace ran, in order.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(program)
                        .addParameter(runs, "runs")
                        .addStatement("$T<$T<$T>> lists = new $T<>()", List.class, List.class, names.instruction,
                                ArrayList.class)
                        .beginControlFlow("for ($T run : runs)", names.program)
                        .addStatement("lists.add(run.instructions())")
                        .endControlFlow()
                        .addStatement("return $T.of(lists, $T::encode)", PROGRAM, self).build())
                .addMethod(MethodSpec.methodBuilder("encode")
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(List.class), names.word))
                        .addParameter(names.instruction, "instruction")
                        .addStatement("$T<$T> words = new $T<>()", List.class, names.word, ArrayList.class)
                        .addStatement("instruction.encodeTo(words)")
                        .addStatement("return words").build())
                .addMethod(MethodSpec.methodBuilder("check")
                        .addJavadoc("Checks memory consistency and the layout's rules on {@code trace}"
                                + " ({@link #checkMemory}).\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(REPORT)
                        .addParameter(trace, "trace")
                        .addStatement("return checkMemory(trace)").build())
                .addMethod(MethodSpec.methodBuilder("checkMemory")
                        .addJavadoc("Checks memory consistency and the layout's rules on {@code trace}, and nothing"
                                + " of what its steps\ncomputed ({@link ForProgram#check} checks that).\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(REPORT)
                        .addParameter(trace, "trace")
                        .addStatement("return CIRCUIT.check(trace, $T::mnemonicOf)", names.trace).build())
                .addMethod(MethodSpec.methodBuilder("forProgram")
                        .addJavadoc("The circuit of {@code program}: check, prove and verify its runs.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(forProgram)
                        .addParameter(names.program, "program")
                        .addStatement("return new $T($T.of(program))", forProgram, List.class).build())
                .addMethod(MethodSpec.methodBuilder("forRuns")
                        .addJavadoc("The circuit of {@code runs}, run one after another on one machine.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(forProgram)
                        .addParameter(runs, "runs")
                        .addStatement("return new $T(runs)", forProgram).build())
                .addType(forProgramType(forProgram, runs, circuit, statement))
                .addMethod(MethodSpec.methodBuilder("check")
                        .addJavadoc("Checks that {@code trace} is exactly a run of {@code program} on a new machine:"
                                + " every step's\ninstruction, operands, accesses and results, and memory"
                                + " consistency.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(REPORT)
                        .addParameter(names.program, "program")
                        .addParameter(trace, "trace")
                        .addStatement("return check($T.of(program), trace)", List.class).build())
                .addMethod(MethodSpec.methodBuilder("check")
                        .addJavadoc("Checks that {@code trace} is exactly the runs of {@code runs}, in order, on a"
                                + " new machine.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(REPORT)
                        .addParameter(runs, "runs")
                        .addParameter(trace, "trace")
                        .addStatement("return circuit(runs).check(trace, $T::mnemonicOf)", names.trace).build())
                .addMethod(MethodSpec.methodBuilder("prove")
                        .addJavadoc("Proves that {@code trace} is a run of {@code program} on a new machine, with the"
                                + " default\nparameters ({@link $T#DEFAULT}) and no progress output.\n\n"
                                + "@throws dev.zkjvm.circuit.stark.UnsatisfiedTraceException if it is not; the"
                                + " report names every\n    constraint it breaks\n", CONFIG)
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(PROOF)
                        .addParameter(names.program, "program")
                        .addParameter(trace, "trace")
                        .addStatement("return prove($T.of(program), trace, $T.DEFAULT, $T.SILENT)", List.class, CONFIG,
                                PROGRESS).build())
                .addMethod(MethodSpec.methodBuilder("prove")
                        .addJavadoc("Proves that {@code trace} is exactly the runs of {@code runs}, in order, on a"
                                + " new machine.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(PROOF)
                        .addParameter(runs, "runs")
                        .addParameter(trace, "trace")
                        .addParameter(CONFIG, "config")
                        .addParameter(PROGRESS, "progress")
                        .addStatement("return circuit(runs).prove(trace, $T::mnemonicOf, config, progress)",
                                names.trace).build())
                .addMethod(MethodSpec.methodBuilder("verify")
                        .addJavadoc("Whether {@code proof}, made with the default parameters, shows a run of"
                                + " {@code program}.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(TypeName.BOOLEAN)
                        .addParameter(names.program, "program")
                        .addParameter(PROOF, "proof")
                        .beginControlFlow("try")
                        .addStatement("verify($T.of(program), proof, $T.DEFAULT)", List.class, CONFIG)
                        .addStatement("return true")
                        .nextControlFlow("catch ($T e)", INVALID_PROOF)
                        .addStatement("return false")
                        .endControlFlow().build())
                .addMethod(MethodSpec.methodBuilder("verify")
                        .addJavadoc("Verifies that {@code proof} shows a run of {@code runs}, in order, on a new"
                                + " machine; needs\nnothing but the programs and the proof.\n\n"
                                + "@throws $T with the reason, if the proof is rejected\n", INVALID_PROOF)
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addParameter(runs, "runs")
                        .addParameter(PROOF, "proof")
                        .addParameter(CONFIG, "config")
                        .addException(INVALID_PROOF)
                        .addStatement("circuit(runs).verify(proof, config)").build())
                .addMethod(MethodSpec.methodBuilder("proveTables")
                        .addJavadoc("Proves that {@code trace} is a run of {@code program} on a new machine on tables"
                                + " (each as tall\nas its own work; the program in the verifying key), in zero"
                                + " knowledge, with the default\nparameters ({@link $T#DEFAULT}).\n\n"
                                + "@throws dev.zkjvm.circuit.stark.UnsatisfiedTraceException if it is not; the"
                                + " report names every\n    constraint it breaks\n", CONFIG)
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(TABLE_PROOF)
                        .addParameter(names.program, "program")
                        .addParameter(trace, "trace")
                        .addStatement("return proveTables($T.of(program), trace, $T.DEFAULT, true)", List.class,
                                CONFIG).build())
                .addMethod(MethodSpec.methodBuilder("proveTables")
                        .addJavadoc("Proves on tables that {@code trace} is exactly the runs of {@code runs}, in"
                                + " order, on a new\nmachine; in zero knowledge unless {@code zeroKnowledge} is"
                                + " false.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(TABLE_PROOF)
                        .addParameter(runs, "runs")
                        .addParameter(trace, "trace")
                        .addParameter(CONFIG, "config")
                        .addParameter(TypeName.BOOLEAN, "zeroKnowledge")
                        .addStatement("return circuit(runs).proveTables(trace, $T::mnemonicOf, config, zeroKnowledge)",
                                names.trace).build())
                .addMethod(MethodSpec.methodBuilder("isValidTables")
                        .addJavadoc("Whether {@code proof}, made on tables with the default parameters, shows a run"
                                + " of\n{@code program} that read exactly the public input and wrote exactly the"
                                + " output of\n{@code statement} ({@code Statement.of(trace)} of the run proven);"
                                + " never throws on a bad proof.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(TypeName.BOOLEAN)
                        .addParameter(names.program, "program")
                        .addParameter(statement, "statement")
                        .addParameter(TABLE_PROOF, "proof")
                        .addStatement("return circuit($T.of(program)).isValidTables(proof, $T.DEFAULT, statement)",
                                List.class, CONFIG).build())
                .addMethod(MethodSpec.methodBuilder("isValidTables")
                        .addJavadoc("Whether {@code proof}, made on tables with the default parameters, shows a run"
                                + " of\n{@code program} that read no public input and wrote no output; never"
                                + " throws on a bad proof.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(TypeName.BOOLEAN)
                        .addParameter(names.program, "program")
                        .addParameter(TABLE_PROOF, "proof")
                        .addStatement("return circuit($T.of(program)).isValidTables(proof, $T.DEFAULT)", List.class,
                                CONFIG).build())
                .addMethod(MethodSpec.methodBuilder("verifyTables")
                        .addJavadoc("Verifies that {@code proof}, made on tables, shows a run of {@code runs}, in"
                                + " order, on a new\nmachine; needs nothing but the programs and the proof.\n\n"
                                + "@throws $T with the reason, if the proof is rejected\n", INVALID_PROOF)
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addParameter(runs, "runs")
                        .addParameter(TABLE_PROOF, "proof")
                        .addParameter(CONFIG, "config")
                        .addException(INVALID_PROOF)
                        .addStatement("circuit(runs).verifyTables(proof, config)").build())
                .addMethod(MethodSpec.methodBuilder("verifyTables")
                        .addJavadoc("Verifies that {@code proof}, made on tables, shows a run of {@code runs}, in"
                                + " order, on a new\nmachine that read exactly the public input and wrote exactly"
                                + " the output of {@code statement};\nneeds nothing but the programs, the statement"
                                + " and the proof.\n\n"
                                + "@throws $T with the reason, if the proof is rejected\n", INVALID_PROOF)
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addParameter(runs, "runs")
                        .addParameter(statement, "statement")
                        .addParameter(TABLE_PROOF, "proof")
                        .addParameter(CONFIG, "config")
                        .addException(INVALID_PROOF)
                        .addStatement("circuit(runs).verifyTables(proof, config, statement)").build())
                .build();
        return JavaFile.builder(names.model.packageName(), type).skipJavaLangImports(true).build();
    }

    /**
     * {@code <Name>Circuit.ForProgram}: the circuit of a program as an immutable object that owns its
     * constraint system, checker and keys, typed to the machine's own trace class.
     */
    private TypeSpec forProgramType(ClassName self, TypeName runs, TypeName circuit, TypeName statement) {
        TypeName runProof = ParameterizedTypeName.get(RUN_PROOF, names.word);
        return TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The circuit of one program (or of runs, in order) as an object: immutable, it owns its"
                        + " constraint\nsystem, checker and verifying keys (derived on first use and kept). It takes"
                        + " {@link $T}s only,\nso another machine's trace does not compile.\n", names.trace)
                .addField(FieldSpec.builder(runs, "runs", Modifier.PRIVATE, Modifier.FINAL).build())
                .addField(FieldSpec.builder(circuit, "circuit", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                        .addParameter(runs, "runs")
                        .addStatement("this.runs = $T.copyOf(runs)", List.class)
                        .addStatement("this.circuit = $T.circuit(this.runs)", self.enclosingClassName()).build())
                .addMethod(MethodSpec.methodBuilder("check")
                        .addJavadoc("Checks that {@code trace} is exactly a run of the program on a new machine:"
                                + " every step's\ninstruction, operands, accesses and results, its input and output,"
                                + " and memory consistency;\nthe report names every broken constraint with its"
                                + " row, step and instruction.\n")
                        .addModifiers(Modifier.PUBLIC).returns(REPORT)
                        .addParameter(names.trace, "trace")
                        .addStatement("return circuit.check(trace, $T::mnemonicOf)", names.trace).build())
                .addMethod(MethodSpec.methodBuilder("prove")
                        .addJavadoc("Proves the run on tables in zero knowledge with the default parameters"
                                + " ({@link $T#DEFAULT}).\n\n"
                                + "@return the proof, with its statement: the input the run read and the output"
                                + " it wrote\n"
                                + "@throws dev.zkjvm.circuit.stark.UnsatisfiedTraceException if {@code trace} is"
                                + " not a run of the\n    program; the report names every broken constraint\n",
                                CONFIG)
                        .addModifiers(Modifier.PUBLIC).returns(runProof)
                        .addParameter(names.trace, "trace")
                        .addStatement("return prove(trace, $T.DEFAULT, true)", CONFIG).build())
                .addMethod(MethodSpec.methodBuilder("prove")
                        .addJavadoc("Proves the run on tables with {@code config}; in zero knowledge unless"
                                + " {@code zeroKnowledge}\nis false.\n")
                        .addModifiers(Modifier.PUBLIC).returns(runProof)
                        .addParameter(names.trace, "trace")
                        .addParameter(CONFIG, "config")
                        .addParameter(TypeName.BOOLEAN, "zeroKnowledge")
                        .addStatement("return new $T<>($T.of(trace), circuit.proveTables(trace, $T::mnemonicOf,"
                                + " config, zeroKnowledge))", RUN_PROOF, STATEMENT, names.trace).build())
                .addMethod(MethodSpec.methodBuilder("verify")
                        .addJavadoc("Verifies that {@code proof} shows a run of the program that read exactly the"
                                + " input and\nwrote exactly the output of {@code statement}, made with the default"
                                + " parameters.\n\n@throws $T with the reason, if the proof is rejected\n",
                                INVALID_PROOF)
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(statement, "statement")
                        .addParameter(TABLE_PROOF, "proof")
                        .addException(INVALID_PROOF)
                        .addStatement("verify(statement, proof, $T.DEFAULT)", CONFIG).build())
                .addMethod(MethodSpec.methodBuilder("verify")
                        .addJavadoc("{@link #verify($T, $T)} for a proof made with {@code config}.\n\n"
                                + "@throws $T with the reason, if the proof is rejected\n", STATEMENT,
                                TABLE_PROOF, INVALID_PROOF)
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(statement, "statement")
                        .addParameter(TABLE_PROOF, "proof")
                        .addParameter(CONFIG, "config")
                        .addException(INVALID_PROOF)
                        .addStatement("circuit.verifyTables(proof, config, statement)").build())
                .addMethod(MethodSpec.methodBuilder("isValid")
                        .addJavadoc("Whether {@link #verify($T, $T)} accepts; never throws on a bad proof.\n",
                                STATEMENT, TABLE_PROOF)
                        .addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
                        .addParameter(statement, "statement")
                        .addParameter(TABLE_PROOF, "proof")
                        .addStatement("return circuit.isValidTables(proof, $T.DEFAULT, statement)", CONFIG).build())
                .addMethod(MethodSpec.methodBuilder("runs")
                        .addJavadoc("The programs, in order.\n")
                        .addModifiers(Modifier.PUBLIC).returns(runs)
                        .addStatement("return runs").build())
                .addMethod(MethodSpec.methodBuilder("circuit")
                        .addJavadoc("The machine circuit underneath: its constraint system, tables and keys.\n")
                        .addModifiers(Modifier.PUBLIC).returns(circuit)
                        .addStatement("return circuit").build())
                .build();
    }

    /** A new definition instance wired to a symbolic call, as the machine wires its own. */
    private MethodSpec definition() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("definition")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(names.definition)
                .addParameter(ParameterizedTypeName.get(CALL, names.word), "call")
                .addStatement("$T d = new $T()", names.definition, names.definition);
        for (RegisterModel r : names.model.registers()) {
            m.addStatement("d.$N = $T.$N", r.fieldName(), names.machine, r.constantName());
        }
        names.model.stackField().ifPresent(f -> m.addStatement("d.$N = call.stack()", f));
        return m.addStatement("return d").build();
    }

    private CodeBlock instructionList() {
        List<CodeBlock> items = new ArrayList<>();
        for (InstructionModel i : names.model.instructions()) {
            List<CodeBlock> kinds = new ArrayList<>();
            List<CodeBlock> args = new ArrayList<>();
            String unsupported = null;
            for (int j = 0; j < i.operands().size(); j++) {
                OperandModel o = i.operands().get(j);
                switch (o.kind()) {
                    case WORD -> {
                        kinds.add(CodeBlock.of("$T.WORD", OPERAND_KIND));
                        args.add(CodeBlock.of("call.word($L)", j));
                    }
                    case REGISTER -> {
                        kinds.add(CodeBlock.of("$T.REGISTER", OPERAND_KIND));
                        args.add(CodeBlock.of("call.register($L)", j));
                    }
                    default -> {
                        kinds.add(CodeBlock.of("$T.WORD", OPERAND_KIND));
                        unsupported = "operand `" + o.name() + "` is a Java " + o.kind().name().toLowerCase()
                                + ", which the circuit cannot pass symbolically; declare it as a word";
                    }
                }
            }
            if (i.takesVm()) {
                args.add(CodeBlock.of("call.vm()"));
            }
            CodeBlock body = unsupported == null
                    ? CodeBlock.of("call -> definition(call).$N($L)", i.methodName(), CodeBlock.join(args, ", "))
                    : CodeBlock.of("call -> {\n$>throw new $T($S);\n$<}", UNCONSTRAINABLE,
                            "instruction `" + i.mnemonic() + "`: " + unsupported);
            items.add(CodeBlock.of("new $T<>($S, $T.$L, $T.of($L), $L)", SPEC, i.mnemonic(), names.instruction,
                    GeneratedNames.opcodeConstant(i.mnemonic()), List.class, CodeBlock.join(kinds, ", "), body));
        }
        return CodeBlock.builder().add("$T.of(\n$>", List.class).add(CodeBlock.join(items, ",\n"))
                .add(")$<").build();
    }
}
