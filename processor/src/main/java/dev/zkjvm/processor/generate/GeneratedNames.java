package dev.zkjvm.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.zkjvm.processor.model.MachineModel;
import dev.zkjvm.processor.model.Names;
import dev.zkjvm.processor.model.WordTypes;
import dev.zkjvm.processor.model.OperandKind;
import javax.annotation.processing.Generated;

/**
 * The names of everything generated for one machine: {@code <prefix>Machine},
 * {@code <prefix>Context}, {@code <prefix>Instruction}, {@code <prefix>Program},
 * {@code <prefix>Assembler}, {@code <prefix>Trace}, {@code <prefix>TraceRecord}, all in the
 * annotated class's package.
 */
final class GeneratedNames {
    private static final String PROCESSOR = "dev.zkjvm.processor.MachineProcessor";

    final MachineModel model;
    final ClassName definition;
    final ClassName word;
    final ClassName machine;
    final ClassName context;
    final ClassName instruction;
    final ClassName program;
    final ClassName programBuilder;
    final ClassName assembler;
    final ClassName trace;
    final ClassName traceRecord;

    GeneratedNames(MachineModel model) {
        this.model = model;
        String pkg = model.packageName();
        this.definition = ClassName.get(pkg, model.definition().split("\\.")[0],
                tail(model.definition().split("\\.")));
        this.word = WordTypes.className(model.wordSize());
        String p = model.prefix();
        this.machine = ClassName.get(pkg, p + "Machine");
        this.context = ClassName.get(pkg, p + "Context");
        this.instruction = ClassName.get(pkg, p + "Instruction");
        this.program = ClassName.get(pkg, p + "Program");
        this.programBuilder = program.nestedClass("Builder");
        this.assembler = ClassName.get(pkg, p + "Assembler");
        this.trace = ClassName.get(pkg, p + "Trace");
        this.traceRecord = ClassName.get(pkg, p + "TraceRecord");
    }

    private static String[] tail(String[] parts) {
        String[] rest = new String[parts.length - 1];
        System.arraycopy(parts, 1, rest, 0, rest.length);
        return rest;
    }

    /** The record type of one instruction. */
    ClassName instructionRecord(String recordName) {
        return instruction.nestedClass(recordName);
    }

    /** The Java type of an operand. */
    TypeName operandType(OperandKind kind) {
        return switch (kind) {
            case WORD -> word;
            case REGISTER -> RuntimeTypes.REGISTER;
            case LONG -> TypeName.LONG;
            case INT -> TypeName.INT;
        };
    }

    /** {@code @Generated("dev.zkjvm.processor.MachineProcessor")}, without a date so output is reproducible. */
    static AnnotationSpec generated() {
        return AnnotationSpec.builder(Generated.class).addMember("value", "$S", PROCESSOR).build();
    }

    /** The opcode constant's name for a mnemonic, e.g. {@code OP_PUSH}. */
    static String opcodeConstant(String mnemonic) {
        return "OP_" + Names.constant(mnemonic);
    }
}
