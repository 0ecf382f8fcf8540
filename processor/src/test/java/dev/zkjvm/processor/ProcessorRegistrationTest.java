package dev.zkjvm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/** How javac, ServiceLoader and Gradle find the processor, and what it declares. */
class ProcessorRegistrationTest {

    private static List<String> resourceLines(String name) throws IOException {
        List<String> lines = new ArrayList<>();
        for (URL url : Collections.list(MachineProcessor.class.getClassLoader().getResources(name))) {
            try (InputStream in = url.openStream()) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(lines::add);
            }
        }
        return lines;
    }

    @Test
    void registeredAsAServiceByAutoService() throws IOException {
        assertTrue(resourceLines("META-INF/services/javax.annotation.processing.Processor")
                .contains(MachineProcessor.class.getName()));
        boolean loaded = ServiceLoader.load(Processor.class, MachineProcessor.class.getClassLoader()).stream()
                .anyMatch(p -> p.type() == MachineProcessor.class);
        assertTrue(loaded, "ServiceLoader finds MachineProcessor");
    }

    /**
     * Aggregating, not isolating: the service file listing every machine's descriptor comes from all
     * the machines of a compilation, which Gradle allows only an aggregating processor.
     */
    @Test
    void declaredAggregatingForGradle() throws IOException {
        assertEquals(List.of("dev.zkjvm.processor.MachineProcessor,aggregating"),
                resourceLines("META-INF/gradle/incremental.annotation.processors"));
    }

    @Test
    void supportsTheLatestSourceVersion() {
        assertEquals(SourceVersion.latestSupported(), new MachineProcessor().getSupportedSourceVersion());
    }

    @Test
    void supportsItsFourAnnotations() {
        assertEquals(Set.of("dev.zkjvm.annotations.Machine", "dev.zkjvm.annotations.Instruction",
                        "dev.zkjvm.annotations.Register", "dev.zkjvm.annotations.Stack"),
                new MachineProcessor().getSupportedAnnotationTypes());
    }

    /**
     * Every generated source names exactly one originating element, the annotated class it came from,
     * so that an incremental build recompiles only what a changed machine generated.
     */
    @Test
    void everyGeneratedFileHasTheMachineClassAsItsOnlyOriginatingElement() {
        Map<String, List<String>> origins = new TreeMap<>();
        Compilation compilation = Compiler.javac()
                .withProcessors(new RecordingOrigins(new MachineProcessor(), origins))
                .compile(GenerationTest.miniSource());
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals(GenerationTest.SUFFIXES.size(), origins.size(), origins::toString);
        for (String suffix : GenerationTest.SUFFIXES) {
            assertEquals(List.of("golden.Mini"), origins.get("golden.Mini" + suffix), suffix);
        }
    }

    /** Delegates to a processor, recording the originating elements of each source file it creates. */
    private static final class RecordingOrigins implements Processor {
        private final Processor delegate;
        private final Map<String, List<String>> origins;

        RecordingOrigins(Processor delegate, Map<String, List<String>> origins) {
            this.delegate = delegate;
            this.origins = origins;
        }

        @Override
        public void init(ProcessingEnvironment env) {
            Filer filer = env.getFiler();
            Filer recording = (Filer) Proxy.newProxyInstance(Filer.class.getClassLoader(), new Class<?>[] {Filer.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("createSourceFile")) {
                            Element[] elements = (Element[]) args[1];
                            origins.put(args[0].toString(), Arrays.stream(elements)
                                    .map(e -> ((TypeElement) e).getQualifiedName().toString()).toList());
                        }
                        return forward(method, filer, args);
                    });
            ProcessingEnvironment wrapped = (ProcessingEnvironment) Proxy.newProxyInstance(
                    ProcessingEnvironment.class.getClassLoader(), new Class<?>[] {ProcessingEnvironment.class},
                    (proxy, method, args) -> method.getName().equals("getFiler") ? recording : forward(method, env, args));
            delegate.init(wrapped);
        }

        private static Object forward(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @Override
        public Set<String> getSupportedOptions() {
            return delegate.getSupportedOptions();
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return delegate.process(annotations, round);
        }

        @Override
        public Iterable<? extends javax.annotation.processing.Completion> getCompletions(Element element,
                javax.lang.model.element.AnnotationMirror annotation, javax.lang.model.element.ExecutableElement member,
                String userText) {
            return delegate.getCompletions(element, annotation, member, userText);
        }
    }
}
