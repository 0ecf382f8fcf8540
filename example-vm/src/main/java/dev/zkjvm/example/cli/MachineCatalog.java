package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.machine.MachineDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The machines on a class path: every generated {@code <Name>Descriptor} that a service file lists,
 * and any other found by its class name.
 */
final class MachineCatalog {
    private final ClassLoader loader;
    private final List<MachineDescriptor<?, ?>> listed;
    private final List<String> broken = new ArrayList<>();

    MachineCatalog(ClassLoader loader) {
        this.loader = loader;
        this.listed = load(loader);
    }

    @SuppressWarnings("rawtypes")
    private List<MachineDescriptor<?, ?>> load(ClassLoader loader) {
        List<MachineDescriptor<?, ?>> found = new ArrayList<>();
        Iterator<MachineDescriptor> it = ServiceLoader.load(MachineDescriptor.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                // A stale entry (a machine since renamed) must not hide the others.
                broken.add(e.getMessage());
            }
        }
        found.sort(Comparator.comparing(MachineDescriptor::name));
        return List.copyOf(found);
    }

    /** The machines the service files list, by name. */
    List<MachineDescriptor<?, ?>> listed() {
        return listed;
    }

    /** Service file entries that could not be loaded, with the reason. */
    List<String> broken() {
        return List.copyOf(broken);
    }

    /**
     * The machine {@code query} names: its name as listed (e.g. {@code Cpu64}), its annotated class
     * (e.g. {@code dev.zkjvm.example.Cpu64}), or its generated machine or descriptor class.
     *
     * @throws CliFailure (usage) naming the machines there are, if none matches
     */
    MachineDescriptor<?, ?> find(String query) {
        for (MachineDescriptor<?, ?> d : listed) {
            String generated = d.getClass().getPackageName() + "." + d.name();
            if (query.equals(d.name()) || query.equals(d.definition()) || query.equals(d.getClass().getName())
                    || query.equals(generated + "Machine")) {
                return d;
            }
        }
        String base = query.endsWith("Machine") ? query.substring(0, query.length() - "Machine".length()) : query;
        for (String candidate : List.of(query, base + "Descriptor")) {
            MachineDescriptor<?, ?> d = instantiate(candidate);
            if (d != null) {
                return d;
            }
        }
        throw new CliFailure(ExitCode.USAGE, "no machine `" + query + "` on the class path; " + describeListed()
                + ". A machine is found by its annotated class, its name, or its generated Machine or Descriptor"
                + " class; it needs zkjvm-machine-circuit on the class path when it is compiled, and its classes"
                + " on zkvm's class path (--class-path DIR_OR_JAR).");
    }

    private MachineDescriptor<?, ?> instantiate(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        if (!MachineDescriptor.class.isAssignableFrom(type)) {
            return null;
        }
        try {
            return (MachineDescriptor<?, ?>) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new CliFailure(ExitCode.USAGE, "cannot create machine descriptor " + className + ": " + cause, cause);
        }
    }

    /** E.g. {@code machines found: Calculator (dev.zkjvm.example.Calculator), Cpu64 (...)}. */
    String describeListed() {
        if (listed.isEmpty()) {
            return "no machines found";
        }
        List<String> names = new ArrayList<>();
        for (MachineDescriptor<?, ?> d : listed) {
            names.add(d.name() + " (" + d.definition() + ")");
        }
        return "machines found: " + String.join(", ", names);
    }
}
