package dev.zkjvm.processor;

/**
 * Every diagnostic the processor can report, with its tag. One catalogue, so that texts stay
 * consistent and each can be tested. Format arguments follow {@link String#format}.
 */
public enum Message {
    MACHINE_NOT_A_CLASS("Machine/NotAClass",
            "@Machine must annotate a class, not %s; did you mean to put it on a class?"),
    MACHINE_ABSTRACT("Machine/Abstract",
            "@Machine class %s must not be abstract: the generated machine instantiates it; remove 'abstract'"),
    MACHINE_NOT_ACCESSIBLE("Machine/NotAccessible",
            "@Machine class %s must be top-level or a static nested class, and not private; did you mean 'static'?"),
    MACHINE_GENERIC("Machine/Generic",
            "@Machine class %s must not have type parameters; the word size fixes every type; did you mean an "
                    + "abstract generic superclass with the instructions, which each machine extends with its word type?"),
    MACHINE_NO_CONSTRUCTOR("Machine/NoConstructor",
            "@Machine class %s needs a non-private constructor without parameters; did you mean to add '%s() {}'?"),
    MACHINE_WORD_SIZE("Machine/WordSize",
            "wordSize must be 4, 8 or 32 bytes, not %d; did you mean %d?"),
    MACHINE_STACK_DEPTH("Machine/StackDepth",
            "stackDepth must be at least 1, not %d; did you mean 1024?"),
    MACHINE_BUFFER_CELLS("Machine/BufferCells",
            "bufferCells must be 0 or more, not %d; did you mean 16?"),
    MACHINE_MEMORY_CELLS("Machine/MemoryCells",
            "memoryCells must be at least 1, not %d; did you mean 1048576 (1L << 20)?"),
    MACHINE_ADDRESS_SPACE("Machine/AddressSpace",
            "the layout needs %s cells of %d bytes, more than the %s bytes a %d-bit machine can address; "
                    + "reduce memoryCells, stackDepth or bufferCells"),
    MACHINE_MAX_STEPS("Machine/MaxSteps",
            "maxSteps must be at least 1, not %d"),
    MACHINE_BAD_NAME("Machine/BadName",
            "name \"%s\" is not a Java identifier; did you mean \"%s\"?"),
    MACHINE_NAME_CLASH("Machine/NameClash",
            "the generated type %s would have the same name as the annotated class; did you mean name = \"%s\"?"),
    MACHINE_GENERATED_CLASH("Machine/GeneratedClash",
            "the generated type %s is already generated for %s; did you mean @Machine(name = \"%s\")?"),
    MACHINE_NO_INSTRUCTIONS("Machine/NoInstructions",
            "@Machine class %s declares no @Instruction method; add at least one"),
    MACHINE_HIDDEN_FIELD("Machine/HiddenField",
            "field %s hides the @%s field %s.%s, which the generated machine assigns; the inherited bodies would see "
                    + "the hidden one; rename one of them"),
    MEMBER_UNREACHABLE("Machine/UnreachableMember",
            "%s %s is inherited from %s, which is in another package, and is not public there, so the code generated "
                    + "for %s cannot reach it; make the %s and its class public"),
    MACHINE_TOO_MANY_REGISTERS("Machine/TooManyRegisters",
            "%d registers is more than the 65536 a machine may have"),

    REGISTER_WRONG_TYPE("Register/WrongType",
            "@Register field %s has type %s; did you mean dev.zkjvm.runtime.Reg?"),
    REGISTER_MODIFIERS("Register/Modifiers",
            "@Register field %s must not be %s: the generated machine assigns it; remove '%s'"),
    REGISTER_DUPLICATE_NAME("Register/DuplicateName",
            "register name \"%s\" is already used by field %s; did you mean @Register(\"%s\")?"),
    REGISTER_BAD_NAME("Register/BadName",
            "register name \"%s\" is not an identifier, so assembly text could not name it; did you mean \"%s\"?"),

    STACK_DUPLICATE("Stack/Duplicate",
            "a machine has one stack, but %s is a second @Stack field (the first is %s); remove one"),
    STACK_WRONG_TYPE("Stack/WrongType",
            "@Stack field %s has type %s; did you mean dev.zkjvm.runtime.WordStack<%s>?"),
    STACK_MODIFIERS("Stack/Modifiers",
            "@Stack field %s must not be %s: the generated machine assigns it; remove '%s'"),

    INSTRUCTION_STATIC("Instruction/Static",
            "@Instruction method %s must not be static: it runs on the machine's instance; remove 'static'"),
    INSTRUCTION_PRIVATE("Instruction/Private",
            "@Instruction method %s must not be private: the generated machine calls it; remove 'private'"),
    INSTRUCTION_ABSTRACT("Instruction/Abstract",
            "@Instruction method %s must have a body"),
    INSTRUCTION_GENERIC("Instruction/Generic",
            "@Instruction method %s must not have type parameters"),
    INSTRUCTION_RETURNS_VALUE("Instruction/ReturnsValue",
            "@Instruction method %s returns %s; instructions return nothing: push the result or write it to a register, and make the method void"),
    INSTRUCTION_THROWS_CHECKED("Instruction/ThrowsChecked",
            "@Instruction method %s declares the checked exception %s; instruction bodies may throw only unchecked exceptions"),
    INSTRUCTION_UNSUPPORTED_PARAMETER("Instruction/UnsupportedParameter",
            "parameter %s of @Instruction %s has unsupported type %s; operands are %s, dev.zkjvm.runtime.Reg, %s; did you mean %s?"),
    INSTRUCTION_VM_POSITION("Instruction/VmPosition",
            "parameter %s of @Instruction %s is the Vm but is not the last parameter; move it to the end"),
    INSTRUCTION_VM_TYPE("Instruction/VmType",
            "parameter %s of @Instruction %s has type %s; did you mean dev.zkjvm.runtime.Vm<%s>?"),
    INSTRUCTION_OPCODE_RANGE("Instruction/OpcodeRange",
            "opcode %d of @Instruction %s is outside 0..65535; did you mean %d?"),
    INSTRUCTION_DUPLICATE_OPCODE("Instruction/DuplicateOpcode",
            "opcode %d of @Instruction %s is already taken by %s; did you mean %d (the lowest free opcode)?"),
    INSTRUCTION_DUPLICATE_MNEMONIC("Instruction/DuplicateMnemonic",
            "mnemonic \"%s\" of @Instruction %s is already used by %s; did you mean @Instruction(mnemonic = \"%s\")?"),
    INSTRUCTION_BAD_MNEMONIC("Instruction/BadMnemonic",
            "mnemonic \"%s\" of @Instruction %s is not an identifier; did you mean \"%s\"?"),
    INSTRUCTION_RESERVED_NAME("Instruction/ReservedName",
            "@Instruction %s would generate a record named %s, which clashes with a member of the generated instruction set; did you mean @Instruction(mnemonic = \"%s\")?"),

    INSTRUCTION_RESERVED_OPERAND("Instruction/ReservedOperand",
            "parameter %s of @Instruction %s would become a record component that clashes with the instruction API's %s(); did you mean %sValue?"),
    INSTRUCTION_UNCONSTRAINABLE("Instruction/Unconstrainable",
            "@Instruction %s calls %s(), which hands a machine value to Java code; circuit constraints cannot follow a branch or loop on it; did you mean vm.select(...) or vm.jumpIf(...)?"),
    INSTRUCTION_OPERAND_NOT_CONSTRAINABLE("Instruction/OperandNotConstrainable",
            "parameter %s of @Instruction %s is a Java %s, which the circuit cannot constrain: the body would use it "
                    + "as a Java value that no constraint ties to the program; did you mean %s %s, with word "
                    + "operations (add, shl, ...) on it?"),
    INSTRUCTION_TRY("Instruction/Try",
            "@Instruction %s has a try statement; a catch or finally could swallow the error by which the circuit "
                    + "refuses what it cannot constrain; let exceptions leave the body (the machine undoes the failed step)"),
    INSTRUCTION_SYNCHRONIZED("Instruction/Synchronized",
            "@Instruction %s synchronizes; the circuit cannot follow a lock, and a machine runs one step at a time; "
                    + "remove 'synchronized'"),
    INSTRUCTION_WRITES_STATE("Instruction/WritesState",
            "@Instruction %s writes %s, state that outlives the step outside the registers, stack and memory, which "
                    + "the circuit cannot see; did you mean a @Register or vm.write(...)?"),
    INSTRUCTION_WORD_IDENTITY("Instruction/WordIdentity",
            "%s compares words with %s, which tests Java objects, not machine values, so no constraint "
                    + "can follow it; did you mean x.eq(y) (1 if equal, else 0) or x.sub(y) (non-zero if they differ), "
                    + "with vm.select(...) or vm.jumpIf(...)?"),
    INSTRUCTION_WORD_TO_JAVA("Instruction/Unconstrainable",
            "%s hands a word to Java code (%s), which makes a Java value of a machine value; circuit constraints "
                    + "cannot follow a branch or loop on it; did you mean x.eq(y), vm.select(...) or vm.jumpIf(...)?"),
    INSTRUCTION_REGISTER_IDENTITY("Instruction/RegisterIdentity",
            "%s compares registers with %s, which tests object identity, and the circuit runs the body "
                    + "on register objects of its own; did you mean %s.index() == %s.index()?"),
    MACHINE_MUTABLE_FIELD("Machine/MutableField",
            "field %s of %s is neither final nor a @Register or @Stack: the machine keeps one instance across steps "
                    + "while the circuit derives constraints on fresh ones, so state kept in it is invisible to the "
                    + "circuit; did you mean a @Register, or 'final' for a constant?"),
    REGISTER_RESERVED_NAME("Register/ReservedName",
            "register %s would generate the constant %s, which the generated machine already has; did you mean @Register(\"%s\")?"),
    MEMBER_OUTSIDE_MACHINE("Machine/Missing",
            "@%s on %s has no effect: its class %s is not annotated @Machine; did you mean to annotate %s with @Machine?"),
    INTERNAL_ERROR("Processor/InternalError",
            "the zkjvm processor failed on %s: %s; please report this with the class that caused it");

    private final String tag;
    private final String format;

    Message(String tag, String format) {
        this.tag = tag;
        this.format = format;
    }

    /** The tag, e.g. {@code Machine/DuplicateOpcode}. */
    public String tag() {
        return tag;
    }

    /** The full text: {@code [tag] } followed by the formatted message. */
    public String format(Object... args) {
        return "[" + tag + "] " + String.format(format, args);
    }
}
