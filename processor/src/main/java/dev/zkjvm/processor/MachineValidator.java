package dev.zkjvm.processor;

import dev.zkjvm.annotations.Instruction;
import dev.zkjvm.annotations.Layout;
import dev.zkjvm.annotations.Machine;
import dev.zkjvm.annotations.Register;
import dev.zkjvm.annotations.Stack;
import dev.zkjvm.processor.model.InstructionModel;
import dev.zkjvm.processor.model.Names;
import dev.zkjvm.processor.model.MachineModel;
import dev.zkjvm.processor.model.OperandKind;
import dev.zkjvm.processor.model.OperandModel;
import dev.zkjvm.processor.model.RegisterModel;
import dev.zkjvm.processor.model.WordTypes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Step one of three: checks an {@code @Machine} class and everything in it, reports every
 * mistake on the element at fault, and builds the immutable {@link MachineModel} when there is
 * none.
 */
final class MachineValidator {
    static final String MACHINE = Machine.class.getCanonicalName();
    static final String INSTRUCTION = Instruction.class.getCanonicalName();
    private static final String REGISTER_TYPE = "dev.zkjvm.runtime.Reg";
    private static final String STACK_TYPE = "dev.zkjvm.runtime.WordStack";
    private static final String VM_TYPE = "dev.zkjvm.runtime.Vm";
    private static final int MAX_OPCODE = 65_535;
    /** Suffixes of the generated type names; the prefix is the class name or {@code @Machine.name}. */
    private static final List<String> GENERATED_SUFFIXES = List.of("Machine", "Context", "Instruction", "Program",
            "Assembler", "Trace", "TraceRecord");
    /** Static members of the generated machine that a register constant must not shadow. */
    private static final Set<String> RESERVED_MACHINE_CONSTANTS = Set.of("LAYOUT", "REGISTERS", "WORD_TYPE");
    /** Members of generated instruction records and program builders that an operand or mnemonic must not hide. */
    private static final Set<String> RESERVED_MEMBERS = Set.of("opcode", "mnemonic", "encodedLength", "encode",
            "encodeTo", "execute", "hashCode", "toString", "equals", "getClass", "notify", "notifyAll", "wait",
            "clone", "finalize", "append", "nextIndex", "build");

    private final Elements elements;
    private final Types types;
    private final Reporter reporter;

    MachineValidator(ProcessingEnvironment env, Reporter reporter) {
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
        this.reporter = reporter;
    }

    /** The model of {@code type}, or empty if it has mistakes (each already reported). */
    Optional<MachineModel> validate(TypeElement type) {
        int errorsBefore = reporter.errorCount();
        if (type.getKind() != ElementKind.CLASS) {
            reporter.error(type, Message.MACHINE_NOT_A_CLASS,
                    type.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + type.getSimpleName());
            return Optional.empty();
        }
        Machine machine = type.getAnnotation(Machine.class);
        checkClassShape(type);
        int wordSize = checkWordSize(type, machine);
        checkSizes(type, machine);
        String prefix = checkName(type, machine);

        MachineMembers members = MachineMembers.of(type, elements);
        List<RegisterModel> registers = new ArrayList<>();
        String stackField = null;
        Map<String, String> registerNames = new HashMap<>();
        checkHiddenFields(members);
        for (VariableElement field : members.fields()) {
            boolean register = field.getAnnotation(Register.class) != null;
            boolean stack = field.getAnnotation(Stack.class) != null;
            if ((register || stack) && members.unreachable(field, elements)) {
                reporter.error(field, Message.MEMBER_UNREACHABLE, "field", field.getSimpleName(),
                        field.getEnclosingElement().getSimpleName(), type.getSimpleName(), "field");
                continue;
            }
            if (register) {
                RegisterModel r = checkRegister(field, members.typeOf(field, types), registers.size(), registerNames);
                if (r != null) {
                    registers.add(r);
                }
            }
            if (stack) {
                if (stackField != null) {
                    reporter.error(field, Message.STACK_DUPLICATE, field.getSimpleName(), stackField);
                } else {
                    stackField = field.getSimpleName().toString();
                }
                checkStack(field, members.typeOf(field, types), wordSize);
            }
        }
        if (stackField != null && machine.stackDepth() <= 0) {
            reporter.errorOnAttribute(type, MACHINE, "stackDepth", Message.MACHINE_STACK_DEPTH, machine.stackDepth());
        }
        if (registers.size() > MAX_OPCODE + 1) {
            reporter.error(type, Message.MACHINE_TOO_MANY_REGISTERS, registers.size());
        }
        if (members.instructions().isEmpty()) {
            reporter.error(type, Message.MACHINE_NO_INSTRUCTIONS, type.getSimpleName());
        }
        List<InstructionModel> instructions = checkInstructions(members, wordSize, prefix);
        if (reporter.errorCount() == errorsBefore) {
            checkAddressSpace(type, machine, wordSize, stackField != null, registers.size());
        }
        if (reporter.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        PackageElement pkg = elements.getPackageOf(type);
        String packageName = pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
        String qualified = type.getQualifiedName().toString();
        String definition = packageName.isEmpty() ? qualified : qualified.substring(packageName.length() + 1);
        instructions.sort((a, b) -> Integer.compare(a.opcode(), b.opcode()));
        return Optional.of(new MachineModel(type, packageName, definition, prefix, wordSize, machine.stackDepth(),
                machine.layout() == Layout.HEAD, machine.bufferCells(), machine.memoryCells(), machine.maxSteps(),
                List.copyOf(registers), Optional.ofNullable(stackField), instructions));
    }

    // ---- the class itself ----------------------------------------------------------------------

    private void checkClassShape(TypeElement type) {
        String name = type.getSimpleName().toString();
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            reporter.error(type, Message.MACHINE_ABSTRACT, name);
        }
        boolean nestedInner = type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC);
        boolean local = type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS;
        boolean inaccessible = type.getModifiers().contains(Modifier.PRIVATE) || nestedInner || local;
        if (inaccessible) {
            reporter.error(type, Message.MACHINE_NOT_ACCESSIBLE, name);
        }
        if (!type.getTypeParameters().isEmpty()) {
            reporter.error(type, Message.MACHINE_GENERIC, name);
        }
        boolean hasNoArgConstructor = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
        if (!hasNoArgConstructor && !inaccessible) {
            reporter.error(type, Message.MACHINE_NO_CONSTRUCTOR, name, name);
        }
    }

    private int checkWordSize(TypeElement type, Machine machine) {
        int size = machine.wordSize();
        if (size == 4 || size == 8 || size == 32) {
            return size;
        }
        int closest = size <= 6 ? 4 : size <= 20 ? 8 : 32;
        reporter.errorOnAttribute(type, MACHINE, "wordSize", Message.MACHINE_WORD_SIZE, size, closest);
        return closest;
    }

    private void checkSizes(TypeElement type, Machine machine) {
        if (machine.bufferCells() < 0) {
            reporter.errorOnAttribute(type, MACHINE, "bufferCells", Message.MACHINE_BUFFER_CELLS, machine.bufferCells());
        }
        if (machine.memoryCells() <= 0) {
            reporter.errorOnAttribute(type, MACHINE, "memoryCells", Message.MACHINE_MEMORY_CELLS, machine.memoryCells());
        }
        if (machine.maxSteps() <= 0) {
            reporter.errorOnAttribute(type, MACHINE, "maxSteps", Message.MACHINE_MAX_STEPS, machine.maxSteps());
        }
    }

    private String checkName(TypeElement type, Machine machine) {
        String name = machine.name();
        if (name.isEmpty()) {
            return type.getSimpleName().toString();
        }
        if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
            reporter.errorOnAttribute(type, MACHINE, "name", Message.MACHINE_BAD_NAME, name, Names.identifier(name, true));
            return name;
        }
        String own = type.getSimpleName().toString();
        for (String suffix : GENERATED_SUFFIXES) {
            if ((name + suffix).equals(own)) {
                reporter.errorOnAttribute(type, MACHINE, "name", Message.MACHINE_NAME_CLASH, name + suffix, name + "Vm");
            }
        }
        return name;
    }

    private void checkAddressSpace(TypeElement type, Machine machine, int wordSize, boolean hasStack, int registers) {
        BigInteger cells = BigInteger.valueOf(hasStack ? machine.stackDepth() : 0)
                .add(BigInteger.valueOf(registers))
                .add(BigInteger.valueOf(machine.bufferCells()).shiftLeft(1))
                .add(BigInteger.valueOf(machine.memoryCells()));
        // Mirrors MemoryLayout.maxAddressBytes: 2^32 bytes for 32-bit words, 2^48 otherwise.
        BigInteger max = BigInteger.ONE.shiftLeft(wordSize == 4 ? 32 : 48);
        if (cells.multiply(BigInteger.valueOf(wordSize)).compareTo(max) > 0) {
            reporter.errorOnAttribute(type, MACHINE, "memoryCells", Message.MACHINE_ADDRESS_SPACE,
                    cells, wordSize, max, 8 * wordSize);
        }
    }

    // ---- fields ----------------------------------------------------------------------------------

    private RegisterModel checkRegister(VariableElement field, TypeMirror type, int index, Map<String, String> names) {
        boolean ok = true;
        String typeName = qualifiedName(type);
        if (!REGISTER_TYPE.equals(typeName)) {
            reporter.error(field, Message.REGISTER_WRONG_TYPE, field.getSimpleName(), type);
            ok = false;
        }
        ok &= checkFieldModifiers(field, Message.REGISTER_MODIFIERS);
        String fieldName = field.getSimpleName().toString();
        String name = field.getAnnotation(Register.class).value();
        if (name.isEmpty()) {
            name = fieldName;
        } else if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
            reporter.errorOnAttribute(field, Register.class.getCanonicalName(), "value", Message.REGISTER_BAD_NAME,
                    name, Names.identifier(name, false));
            ok = false;
        }
        String constant = Names.constant(name);
        String previous = names.putIfAbsent(constant, fieldName);
        if (previous != null) {
            reporter.error(field, Message.REGISTER_DUPLICATE_NAME, name, previous, name + index);
            ok = false;
        } else if (RESERVED_MACHINE_CONSTANTS.contains(constant)) {
            reporter.error(field, Message.REGISTER_RESERVED_NAME, name, constant, name + "Reg");
            ok = false;
        }
        return ok ? new RegisterModel(fieldName, name, index, Names.constant(name)) : null;
    }

    /** A field that hides an inherited register or stack: the superclass's bodies would see one never assigned. */
    private void checkHiddenFields(MachineMembers members) {
        Map<String, VariableElement> machineFields = new HashMap<>();
        for (VariableElement field : members.fields()) {
            VariableElement hidden = machineFields.get(field.getSimpleName().toString());
            if (hidden != null && !hidden.getEnclosingElement().equals(field.getEnclosingElement())) {
                String annotation = hidden.getAnnotation(Register.class) != null ? "Register" : "Stack";
                reporter.error(field, Message.MACHINE_HIDDEN_FIELD, field.getSimpleName(), annotation,
                        hidden.getEnclosingElement().getSimpleName(), hidden.getSimpleName());
            }
            if (field.getAnnotation(Register.class) != null || field.getAnnotation(Stack.class) != null) {
                machineFields.putIfAbsent(field.getSimpleName().toString(), field);
            }
        }
    }

    private void checkStack(VariableElement field, TypeMirror t, int wordSize) {
        String word = WordTypes.simpleName(wordSize);
        boolean ok = STACK_TYPE.equals(qualifiedName(t))
                && ((DeclaredType) t).getTypeArguments().size() == 1
                && WordTypes.qualifiedName(wordSize).equals(qualifiedName(((DeclaredType) t).getTypeArguments().get(0)));
        if (!ok) {
            reporter.error(field, Message.STACK_WRONG_TYPE, field.getSimpleName(), t, word);
        }
        checkFieldModifiers(field, Message.STACK_MODIFIERS);
    }

    private boolean checkFieldModifiers(VariableElement field, Message message) {
        for (Modifier m : List.of(Modifier.STATIC, Modifier.FINAL, Modifier.PRIVATE)) {
            if (field.getModifiers().contains(m)) {
                reporter.error(field, message, field.getSimpleName(), m, m);
                return false;
            }
        }
        return true;
    }

    // ---- instructions ------------------------------------------------------------------------------

    private List<InstructionModel> checkInstructions(MachineMembers members, int wordSize, String prefix) {
        List<ExecutableElement> shaped = new ArrayList<>();
        List<ExecutableElement> implementations = new ArrayList<>();
        List<List<OperandModel>> operandLists = new ArrayList<>();
        List<Boolean> takesVm = new ArrayList<>();
        for (MachineMembers.InstructionMethod instruction : members.instructions()) {
            List<OperandModel> operands = new ArrayList<>();
            Boolean vm = checkMethod(members, instruction, wordSize, operands);
            if (vm != null) {
                shaped.add(instruction.annotated());
                implementations.add(instruction.implementation());
                operandLists.add(operands);
                takesVm.add(vm);
            }
        }
        Map<Integer, String> opcodes = new HashMap<>();
        Map<Integer, String> explicit = new HashMap<>();
        for (ExecutableElement method : shaped) {
            int opcode = method.getAnnotation(Instruction.class).opcode();
            if (opcode >= 0 && opcode <= MAX_OPCODE) {
                explicit.putIfAbsent(opcode, method.getSimpleName().toString());
            }
        }
        int[] assigned = new int[shaped.size()];
        for (int i = 0; i < shaped.size(); i++) {
            ExecutableElement method = shaped.get(i);
            int opcode = method.getAnnotation(Instruction.class).opcode();
            assigned[i] = -1;
            if (opcode < 0) {
                continue;
            }
            if (opcode > MAX_OPCODE) {
                reporter.errorOnAttribute(method, INSTRUCTION, "opcode", Message.INSTRUCTION_OPCODE_RANGE,
                        opcode, method.getSimpleName(), lowestFree(explicit));
                continue;
            }
            String previous = opcodes.putIfAbsent(opcode, method.getSimpleName().toString());
            if (previous != null) {
                reporter.errorOnAttribute(method, INSTRUCTION, "opcode", Message.INSTRUCTION_DUPLICATE_OPCODE,
                        opcode, method.getSimpleName(), previous, lowestFree(explicit));
                continue;
            }
            assigned[i] = opcode;
        }
        for (int i = 0; i < shaped.size(); i++) {
            if (assigned[i] < 0 && shaped.get(i).getAnnotation(Instruction.class).opcode() < 0) {
                assigned[i] = lowestFree(opcodes);
                opcodes.put(assigned[i], shaped.get(i).getSimpleName().toString());
            }
        }
        List<InstructionModel> result = new ArrayList<>();
        Map<String, String> mnemonics = new HashMap<>();
        String reserved = prefix + "Instruction";
        for (int i = 0; i < shaped.size(); i++) {
            ExecutableElement method = shaped.get(i);
            String methodName = method.getSimpleName().toString();
            String mnemonic = method.getAnnotation(Instruction.class).mnemonic();
            if (mnemonic.isEmpty()) {
                mnemonic = methodName;
            } else if (!SourceVersion.isIdentifier(mnemonic) || SourceVersion.isKeyword(mnemonic)) {
                reporter.errorOnAttribute(method, INSTRUCTION, "mnemonic", Message.INSTRUCTION_BAD_MNEMONIC,
                        mnemonic, methodName, Names.identifier(mnemonic, false));
                continue;
            }
            // Two spellings clash if they give the same record name (case) or opcode constant (camel vs snake).
            String previous = mnemonics.putIfAbsent(mnemonic.toLowerCase(Locale.ROOT), methodName);
            if (previous == null) {
                previous = mnemonics.putIfAbsent("OP_" + Names.constant(mnemonic), methodName);
            }
            if (previous != null) {
                reporter.errorOnAttribute(method, INSTRUCTION, "mnemonic", Message.INSTRUCTION_DUPLICATE_MNEMONIC,
                        mnemonic, methodName, previous, mnemonic + "2");
                continue;
            }
            String recordName = Names.upperCamel(mnemonic);
            if (recordName.equals(reserved) || recordName.equals("Builder") || RESERVED_MEMBERS.contains(mnemonic)) {
                reporter.errorOnAttribute(method, INSTRUCTION, "mnemonic", Message.INSTRUCTION_RESERVED_NAME,
                        methodName, recordName, mnemonic + "Op");
                continue;
            }
            if (assigned[i] >= 0) {
                result.add(new InstructionModel(methodName, mnemonic, recordName, assigned[i],
                        List.copyOf(operandLists.get(i)), takesVm.get(i)));
            }
        }
        return result;
    }

    private static int lowestFree(Map<Integer, String> taken) {
        int free = 0;
        while (taken.containsKey(free)) {
            free++;
        }
        return free;
    }

    /** Checks one method's shape; fills its operands; returns whether it takes the Vm, or null if wrong. */
    private Boolean checkMethod(MachineMembers members, MachineMembers.InstructionMethod instruction, int wordSize,
                                List<OperandModel> operands) {
        ExecutableElement method = instruction.implementation();
        String name = method.getSimpleName().toString();
        boolean ok = true;
        for (ExecutableElement declaration : List.of(instruction.annotated(), method)) {
            if (members.unreachable(declaration, elements)) {
                reporter.error(declaration, Message.MEMBER_UNREACHABLE, "method", name,
                        declaration.getEnclosingElement().getSimpleName(), members.machine().getSimpleName(), "method");
                return null;
            }
        }
        if (method.getModifiers().contains(Modifier.STATIC)) {
            reporter.error(method, Message.INSTRUCTION_STATIC, name);
            ok = false;
        }
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            reporter.error(method, Message.INSTRUCTION_PRIVATE, name);
            ok = false;
        }
        if (method.getModifiers().contains(Modifier.ABSTRACT) || method.getModifiers().contains(Modifier.NATIVE)) {
            reporter.error(method, Message.INSTRUCTION_ABSTRACT, name);
            ok = false;
        }
        if (!method.getTypeParameters().isEmpty()) {
            reporter.error(method, Message.INSTRUCTION_GENERIC, name);
            ok = false;
        }
        // As a member of the machine: an ISA's type variable W is the machine's word type here.
        ExecutableType resolved = (ExecutableType) types.asMemberOf((DeclaredType) members.machine().asType(), method);
        if (resolved.getReturnType().getKind() != TypeKind.VOID) {
            reporter.error(method, Message.INSTRUCTION_RETURNS_VALUE, name, resolved.getReturnType());
            ok = false;
        }
        TypeMirror runtimeException = elements.getTypeElement("java.lang.RuntimeException").asType();
        TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
        for (TypeMirror thrown : resolved.getThrownTypes()) {
            if (!types.isSubtype(thrown, runtimeException) && !types.isSubtype(thrown, error)) {
                reporter.error(method, Message.INSTRUCTION_THROWS_CHECKED, name, thrown);
                ok = false;
            }
        }
        boolean takesVm = false;
        List<? extends VariableElement> params = method.getParameters();
        String word = WordTypes.qualifiedName(wordSize);
        for (int i = 0; i < params.size(); i++) {
            VariableElement p = params.get(i);
            TypeMirror t = resolved.getParameterTypes().get(i);
            String typeName = t.getKind() == TypeKind.LONG ? "long" : t.getKind() == TypeKind.INT ? "int" : qualifiedName(t);
            String paramName = p.getSimpleName().toString();
            if (VM_TYPE.equals(typeName)) {
                List<? extends TypeMirror> args = ((DeclaredType) t).getTypeArguments();
                if (args.size() != 1 || !word.equals(qualifiedName(args.get(0)))) {
                    reporter.error(p, Message.INSTRUCTION_VM_TYPE, paramName, name, t, WordTypes.simpleName(wordSize));
                    ok = false;
                } else if (i != params.size() - 1) {
                    reporter.error(p, Message.INSTRUCTION_VM_POSITION, paramName, name);
                    ok = false;
                }
                takesVm = true;
                continue;
            }
            OperandKind kind = null;
            if (word.equals(typeName)) {
                kind = OperandKind.WORD;
            } else if (REGISTER_TYPE.equals(typeName)) {
                kind = OperandKind.REGISTER;
            } else if ("long".equals(typeName) && wordSize != 4) {
                kind = OperandKind.LONG;
            } else if ("int".equals(typeName)) {
                kind = OperandKind.INT;
            }
            if (kind == null) {
                String simpleWord = WordTypes.simpleName(wordSize);
                String suggestion = "long".equals(typeName) ? "int" : simpleWord;
                reporter.error(p, Message.INSTRUCTION_UNSUPPORTED_PARAMETER, paramName, name, t, simpleWord,
                        wordSize == 4 ? "int" : "long, int", suggestion);
                ok = false;
                continue;
            }
            if (RESERVED_MEMBERS.contains(paramName)) {
                reporter.error(p, Message.INSTRUCTION_RESERVED_OPERAND, paramName, name, paramName, paramName);
                ok = false;
                continue;
            }
            operands.add(new OperandModel(paramName, kind));
        }
        return ok ? takesVm : null;
    }

    private static String qualifiedName(TypeMirror t) {
        if (t.getKind() == TypeKind.DECLARED) {
            return ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().toString();
        }
        return t.toString();
    }
}
