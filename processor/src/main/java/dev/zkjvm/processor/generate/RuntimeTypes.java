package dev.zkjvm.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;

/** Names of the runtime types generated code refers to (the processor does not link against the runtime). */
final class RuntimeTypes {
    static final String RUNTIME = "dev.zkjvm.runtime";

    static final ClassName ABSTRACT_CONTEXT = ClassName.get(RUNTIME, "AbstractContext");
    static final ClassName ABSTRACT_INSTRUCTION = ClassName.get(RUNTIME, "AbstractInstruction");
    /** {@code AbstractInstruction<?, ?>}, the parameter type of a generated machine's dispatch. */
    static final TypeName ABSTRACT_INSTRUCTION_ANY = ParameterizedTypeName.get(ABSTRACT_INSTRUCTION,
            WildcardTypeName.subtypeOf(Object.class), WildcardTypeName.subtypeOf(Object.class));
    static final ClassName ABSTRACT_TRACE_RECORD = ClassName.get(RUNTIME, "AbstractTraceRecord");
    static final ClassName MEMORY_INSTRUCTION = ClassName.get(RUNTIME, "MemoryInstruction");
    static final ClassName MEMORY_LAYOUT = ClassName.get(RUNTIME, "MemoryLayout");
    static final ClassName REGISTER = ClassName.get(RUNTIME, "Reg");
    static final ClassName SECTION_ORDER = ClassName.get(RUNTIME, "SectionOrder");
    static final ClassName TRACE = ClassName.get(RUNTIME, "Trace");
    static final ClassName WORD_TYPE = ClassName.get(RUNTIME, "WordType");
    static final ClassName MACHINE_CORE = ClassName.get(RUNTIME + ".core", "MachineCore");
    static final ClassName MACHINE_SUPPORT = ClassName.get(RUNTIME + ".core", "MachineSupport");
    static final ClassName ASSEMBLY_LINE = ClassName.get(RUNTIME + ".asm", "AssemblyLine");
    static final ClassName ASSEMBLY_SOURCE = ClassName.get(RUNTIME + ".asm", "AssemblySource");
    static final ClassName INSTRUCTION_CODEC = ClassName.get(RUNTIME + ".asm", "InstructionCodec");

    private RuntimeTypes() {
    }
}
