package dev.zkjvm.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.zkjvm.annotations.Instruction;
import dev.zkjvm.annotations.Machine;
import dev.zkjvm.annotations.Register;
import dev.zkjvm.annotations.Stack;
import dev.zkjvm.processor.generate.DescriptorGenerator;
import dev.zkjvm.processor.generate.MachineGenerators;
import dev.zkjvm.processor.model.MachineModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Generates a complete virtual machine for every class annotated {@link Machine}: validate
 * ({@link MachineValidator}), model ({@link MachineModel}), generate ({@link MachineGenerators}).
 * Mistakes are reported as compile errors on the element at fault; the processor never lets an
 * exception escape into javac.
 */
@AutoService(Processor.class)
public final class MachineProcessor extends AbstractProcessor {
    private static final List<Class<? extends Annotation>> MEMBER_ANNOTATIONS =
            List.of(Instruction.class, Register.class, Stack.class);

    /** Generated type (qualified name) to the machine it was generated for, across rounds. */
    private final Map<String, String> generatedBy = new HashMap<>();

    /** Descriptors generated so far (qualified name to machine class), listed in the service file at the end. */
    private final Map<String, TypeElement> descriptors = new TreeMap<>();

    /** Checks of bodies that need attributed types; null when the compiler is not javac. */
    private IdentityComparisons comparisons;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        comparisons = IdentityComparisons.register(env);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Machine.class.getCanonicalName(), Instruction.class.getCanonicalName(),
                Register.class.getCanonicalName(), Stack.class.getCanonicalName());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Reporter reporter = new Reporter(processingEnv.getMessager());
        MachineValidator validator = new MachineValidator(processingEnv, reporter);
        List<? extends Element> machines = round.getElementsAnnotatedWith(Machine.class).stream()
                .sorted(Comparator.comparing(Element::toString)).toList();
        for (Element element : machines) {
            TypeElement type = (TypeElement) element;
            try {
                Optional<MachineModel> model = validator.validate(type);
                if (model.isPresent()) {
                    boolean withCircuit = processingEnv.getElementUtils()
                            .getTypeElement(MachineGenerators.MACHINE_CIRCUIT) != null;
                    // Only a machine that gets a circuit must have constrainable operands, fields and bodies.
                    if (withCircuit) {
                        new CircuitRules(processingEnv, reporter, comparisons)
                                .check(MachineMembers.of(type, processingEnv.getElementUtils()), model.get().wordSize());
                    }
                    List<JavaFile> files = MachineGenerators.generate(model.get(), withCircuit);
                    if (claimNames(type, files, reporter)) {
                        for (JavaFile file : files) {
                            file.writeTo(processingEnv.getFiler());
                        }
                        if (withCircuit) {
                            descriptors.put(MachineGenerators.descriptor(model.get()), type);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                reporter.error(type, Message.INTERNAL_ERROR, type.getQualifiedName(), describe(e));
            }
        }
        Set<Element> inheritedByMachines = new HashSet<>();
        for (Element machine : machines) {
            if (machine instanceof TypeElement type && type.getKind() == ElementKind.CLASS) {
                inheritedByMachines.addAll(MachineMembers.of(type, processingEnv.getElementUtils()).classes());
            }
        }
        for (Class<? extends Annotation> annotation : MEMBER_ANNOTATIONS) {
            for (Element member : round.getElementsAnnotatedWith(annotation)) {
                Element owner = member.getEnclosingElement();
                // An abstract class is an instruction set that machines extend, perhaps in another compilation.
                boolean partOfAMachine = owner.getAnnotation(Machine.class) != null
                        || inheritedByMachines.contains(owner) || isAbstractClass(owner);
                if (!partOfAMachine) {
                    reporter.error(member, Message.MEMBER_OUTSIDE_MACHINE, annotation.getSimpleName(),
                            member.getSimpleName(), owner.getSimpleName(), owner.getSimpleName());
                }
            }
        }
        if (round.processingOver() && !descriptors.isEmpty()) {
            writeServiceFile(reporter);
        }
        return false;
    }

    private void writeServiceFile(Reporter reporter) {
        try {
            DescriptorGenerator.writeServiceFile(processingEnv.getFiler(), descriptors.keySet(),
                    descriptors.values().toArray(new Element[0]));
        } catch (IOException | RuntimeException e) {
            TypeElement first = descriptors.values().iterator().next();
            reporter.error(first, Message.INTERNAL_ERROR, first.getQualifiedName(), describe(e));
        }
    }

    private static boolean isAbstractClass(Element element) {
        return element.getKind() == ElementKind.CLASS && element.getModifiers().contains(Modifier.ABSTRACT);
    }

    /** Records which machine generates which type; reports a clash with an earlier machine instead. */
    private boolean claimNames(TypeElement type, List<JavaFile> files, Reporter reporter) {
        for (JavaFile file : files) {
            String name = qualified(file);
            String owner = generatedBy.get(name);
            if (owner != null) {
                reporter.errorOnAttribute(type, MachineValidator.MACHINE, "name", Message.MACHINE_GENERATED_CLASH,
                        name, owner, type.getSimpleName() + "Vm");
                return false;
            }
        }
        for (JavaFile file : files) {
            generatedBy.put(qualified(file), type.getQualifiedName().toString());
        }
        return true;
    }

    private static String qualified(JavaFile file) {
        return file.packageName().isEmpty() ? file.typeSpec().name() : file.packageName() + "." + file.typeSpec().name();
    }

    private static String describe(Exception e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        String[] lines = out.toString().split("\n");
        return e + (lines.length > 1 ? " " + lines[1].strip() : "");
    }
}
