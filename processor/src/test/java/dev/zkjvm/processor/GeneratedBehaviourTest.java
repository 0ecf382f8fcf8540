package dev.zkjvm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.zkjvm.processor.Sources.compileWithoutCircuit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.zkjvm.runtime.AbstractContext;
import dev.zkjvm.runtime.MemoryInstruction;
import dev.zkjvm.runtime.Reg;
import dev.zkjvm.runtime.StackUnderflowException;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.runtime.UnknownOpcodeException;
import dev.zkjvm.runtime.asm.AssemblyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the code generated for {@code calc/Calc.java} (compiled without a circuit, for its Java operands): the classes compiled by compile-testing are
 * loaded by a class loader whose parent is the test's, so runtime types ({@link U64},
 * {@link Trace}, ...) are shared and the generated API is reached by reflection.
 */
class GeneratedBehaviourTest {
    private static CompiledClassLoader loader;
    private static Class<?> machineClass;
    private static Class<?> programClass;
    private static Class<?> builderClass;

    private Object machine;

    @BeforeAll
    static void compileCalc() throws ClassNotFoundException {
        Compilation compilation = compileWithoutCircuit(GenerationTest.calcSource());
        assertThat(compilation).succeededWithoutWarnings();
        loader = new CompiledClassLoader(compilation, GeneratedBehaviourTest.class.getClassLoader());
        machineClass = loader.loadClass("calc.CalcMachine");
        programClass = loader.loadClass("calc.CalcProgram");
        builderClass = loader.loadClass("calc.CalcProgram$Builder");
    }

    @BeforeEach
    void createMachine() {
        machine = invokeStatic(machineClass, "create");
    }

    @Test
    void pushPushAddLeavesTheSumOnTheStack() {
        Object program = build(b -> call(call(call(b, "push", 2L), "push", 3L), "add"));
        assertEquals(3L, run(program), "steps");
        assertEquals(List.of(U64.of(5)), stack());
        assertEquals(1, context().stackDepth());
    }

    @Test
    void registersLongAndIntOperandsAndTheVm() {
        Object program = build(b -> {
            call(b, "load", register("ACC"), 40L);
            call(b, "pushAdd", register("ACC"), 2);
            call(b, "pop", register("TMP"));
            return call(b, "stop");
        });
        assertEquals(4L, run(program));
        assertEquals(U64.of(40), registerValue("ACC"));
        assertEquals(U64.of(42), registerValue("TMP"));
        assertEquals(List.of(), stack());
        assertTrue(context().halted());
    }

    @Test
    void registerConstantsAreInDeclarationOrder() {
        assertEquals(new Reg(0, "acc"), register("ACC"));
        assertEquals(new Reg(1, "tmp"), register("TMP"));
        assertEquals(List.of(register("ACC"), register("TMP")), staticField(machineClass, "REGISTERS"));
    }

    @Test
    void programTextParsesBackToAnEqualProgram() {
        Object program = build(b -> {
            call(b, "push", 7L);
            call(b, "push", U64.of(-1));
            call(b, "load", register("TMP"), -3L);
            call(b, "pushAdd", register("ACC"), -9);
            call(b, "add");
            return call(b, "stop");
        });
        String text = program.toString();
        assertEquals("push 7\npush 18446744073709551615\nload tmp, -3\npushAdd acc, -9\nadd\nstop", text);
        Object parsed = invokeStatic(loader, "calc.CalcAssembler", "parse", String.class, text);
        assertEquals(program, parsed);
        assertEquals(program.hashCode(), parsed.hashCode());
    }

    @Test
    void encodeDecodeRoundTrip() {
        Object program = build(b -> {
            call(b, "push", 2L);
            call(b, "load", register("TMP"), 5L);
            call(b, "pushAdd", register("ACC"), 1);
            return call(b, "add");
        });
        @SuppressWarnings("unchecked")
        List<U64> words = (List<U64>) call(program, "encode");
        // push=0, add=1, load=2, pop=3, pushAdd=4, stop=5; each opcode followed by its operands.
        assertEquals(words(0, 2, 2, 1, 5, 4, 0, 1, 1), words);
        assertEquals(program, invokeStatic(programClass, "decode", List.class, words));
    }

    @Test
    void decodingAnUnknownOpcodeFails() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> invokeStatic(programClass, "decode", List.class, words(99)));
        assertInstanceOf(UnknownOpcodeException.class, e);
    }

    @Test
    void assemblingAnUnknownMnemonicFails() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> invokeStatic(loader, "calc.CalcAssembler", "parse", String.class, "push 1\nhalt"));
        AssemblyException assembly = assertInstanceOf(AssemblyException.class, e);
        assertEquals(2, assembly.line());
        // The method is halt, but its mnemonic is stop.
        assertTrue(e.getMessage().contains("unknown instruction `halt`"), e.getMessage());
    }

    @Test
    void traceHasOneRecordPerAccess() {
        // push: 1 write; push: 1 write; add: 2 reads, 1 write.
        Object program = build(b -> call(call(call(b, "push", 2L), "push", 3L), "add"));
        run(program);
        Trace<?> trace = (Trace<?>) call(machine, "trace");
        assertEquals(5, trace.size());
        assertEquals(context().timeLog(), trace.size());
        List<MemoryInstruction> kinds = List.of(MemoryInstruction.WRITE, MemoryInstruction.WRITE,
                MemoryInstruction.READ, MemoryInstruction.READ, MemoryInstruction.WRITE);
        List<Integer> opcodes = List.of(0, 0, 1, 1, 1);
        for (int i = 0; i < trace.size(); i++) {
            assertEquals(i, trace.time(i));
            assertEquals(kinds.get(i), trace.instruction(i), "record " + i);
            assertEquals(opcodes.get(i), trace.opcode(i), "record " + i);
        }
        assertEquals(U64.of(5), trace.value(4));
        // The generated typed records name their instruction.
        List<?> records = (List<?>) call(trace, "records");
        assertEquals("push", call(records.get(0), "mnemonic"));
        assertEquals("add", call(records.get(4), "mnemonic"));
        assertEquals(loader.loadClassUnchecked("calc.CalcTraceRecord"), records.get(0).getClass());
    }

    @Test
    void aFailedInstructionLeavesTheMachineAsBefore() {
        Object program = build(b -> call(call(b, "push", 2L), "add"));
        RuntimeException e = assertThrows(RuntimeException.class, () -> run(program));
        assertInstanceOf(StackUnderflowException.class, e);
        assertEquals(List.of(U64.of(2)), stack());
        assertEquals(1, ((Trace<?>) call(machine, "trace")).size());
    }

    @Test
    void programsCompareByInstructions() {
        Object a = build(b -> call(b, "push", 1L));
        Object b1 = build(b -> call(b, "push", U64.of(1)));
        Object c = build(b -> call(b, "push", 2L));
        assertEquals(a, b1);
        assertNotEquals(a, c);
        assertEquals(1, call(a, "size"));
    }

    // ---- reflection helpers -------------------------------------------------------------------

    private interface BuilderSteps {
        Object apply(Object builder);
    }

    private static Object build(BuilderSteps steps) {
        Object builder = invokeStatic(programClass, "builder");
        steps.apply(builder);
        return call(builder, "build");
    }

    private long run(Object program) {
        return (long) invoke(machine, method(machineClass, "run", programClass), program);
    }

    private AbstractContext<?> context() {
        return (AbstractContext<?>) call(machine, "context");
    }

    @SuppressWarnings("unchecked")
    private List<U64> stack() {
        return (List<U64>) call(context(), "stack");
    }

    private U64 registerValue(String constant) {
        Object context = context();
        return (U64) invoke(context, method(context.getClass(), "register", Reg.class), register(constant));
    }

    private static Reg register(String constant) {
        return (Reg) staticField(machineClass, constant);
    }

    private static List<U64> words(long... values) {
        return java.util.Arrays.stream(values).mapToObj(U64::of).toList();
    }

    /** Calls the public method {@code name} of {@code target} whose parameters fit {@code args} exactly. */
    private static Object call(Object target, String name, Object... args) {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(name) && fits(m.getParameterTypes(), args)) {
                return invoke(target, m, args);
            }
        }
        throw new AssertionError("no method " + name + " for " + java.util.Arrays.toString(args) + " in " + target.getClass());
    }

    private static boolean fits(Class<?>[] types, Object[] args) {
        if (types.length != args.length) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i] == long.class ? Long.class : types[i] == int.class ? Integer.class : types[i];
            if (!t.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Object invokeStatic(Class<?> type, String name) {
        return invoke(null, method(type, name));
    }

    private static Object invokeStatic(Class<?> type, String name, Class<?> parameter, Object arg) {
        return invoke(null, method(type, name, parameter), arg);
    }

    private static Object invokeStatic(CompiledClassLoader loader, String type, String name, Class<?> parameter, Object arg) {
        return invokeStatic(loader.loadClassUnchecked(type), name, parameter, arg);
    }

    private static Object staticField(Class<?> type, String name) {
        try {
            return type.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    /** Invokes {@code m}, rethrowing what the generated code threw. */
    private static Object invoke(Object target, Method m, Object... args) {
        try {
            m.setAccessible(true);
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AssertionError(e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /** Loads the class files of a compile-testing compilation from memory; everything else from the parent. */
    static final class CompiledClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes = new HashMap<>();

        CompiledClassLoader(Compilation compilation, ClassLoader parent) {
            super(parent);
            for (JavaFileObject file : compilation.generatedFiles()) {
                if (file.getKind() != JavaFileObject.Kind.CLASS) {
                    continue;
                }
                // e.g. /CLASS_OUTPUT/calc/CalcProgram$Builder.class
                String path = file.toUri().getPath();
                String name = path.substring("/CLASS_OUTPUT/".length(), path.length() - ".class".length())
                        .replace('/', '.');
                try (InputStream in = file.openInputStream()) {
                    classes.put(name, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        Class<?> loadClassUnchecked(String name) {
            try {
                return loadClass(name);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
    }
}
